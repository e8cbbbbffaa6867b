// `npm run test:browser` (fourth part): live transcode status in the upload studio against the real local cloud
// (KINORA_URL). Sign up → /upload → upload a real 720p clip → publish → the card shows per-rendition progress bars
// pushed over the WebSocket → the socket is closed under the page mid-transcode → the card falls back to polling,
// reconnects on its own (new socket, subscription sent again) and still reaches "Ready to watch" with the poster and
// a Watch link, without a reload. Screenshots: docs/screenshots/realtime-*.png and frontend/test-results/.
//   FFMPEG (default ../layers/ffmpeg/target/layer/bin/ffmpeg), CHROMIUM_PATH (default /usr/bin/chromium).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/* global document, window -- used inside page.evaluate / waitForFunction / addInitScript, in the browser */
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.resolve(here, '../test-results');
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const limits = JSON.parse(readFileSync(path.resolve(here, '../../shared/contract/limits.json'), 'utf8'));
const TIMEOUT_MS = 30_000;
/** A reconnect waits at most the capped backoff plus one base delay of jitter; the transcode itself a few minutes. */
const RECONNECT_MS = (limits.realtime.reconnectDelaySeconds * 2 + 5) * 1000;
const TRANSCODE_MS = 180_000;

/** A real 720p clip (three rungs: 720p, 480p, 360p), long enough that the socket can be closed mid-transcode. */
const clipFixture = () => testClip('realtime-fixture.mp4', { width: 1280, height: 720, seconds: 20, tone: 330 });

/**
 * Runs before the app: remembers every WebSocket the page opens, what it sent and what it heard, so the test can
 * close the live one and check the client's recovery — the app itself has no test hook.
 */
function recordSockets() {
  const Native = window.WebSocket;
  const record = { sockets: [], sent: [], heard: [] };
  window.__realtime = record;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const index = record.sockets.length;
      record.sockets.push(this);
      this.addEventListener('message', (event) => record.heard.push({ socket: index, data: String(event.data) }));
    }
    send(data) {
      record.sent.push({ socket: record.sockets.indexOf(this), data: String(data) });
      super.send(data);
    }
  };
}

async function useColorScheme(page, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, scheme);
}

async function shot(page, name) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file, fullPage: true });
  await copyFile(file, path.join(screenshotsDir, name));
}

let current;

async function main() {
  await mkdir(resultsDir, { recursive: true });
  await mkdir(screenshotsDir, { recursive: true });
  const clip = clipFixture();

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await context.addInitScript(recordSockets);
    const page = await context.newPage();
    current = page;
    page.setDefaultTimeout(TIMEOUT_MS);
    const consoleErrors = [];
    page.on('console', (message) => {
      const text = message.text();
      const visitorMe = message.location().url.endsWith('/api/v1/auth/me') && /status of 401/.test(text);
      // Closing the socket under the page is this test's doing; Chromium may log the aborted connection.
      const closedOnPurpose = /WebSocket/.test(text);
      if (message.type() === 'error' && !visitorMe && !closedOnPurpose) consoleErrors.push(text);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const suffix = randomBytes(4).toString('hex');
    await page.goto(`${baseUrl}/signup?next=%2Fupload`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Channel name').fill(`Live ${suffix}`);
    await page.getByLabel('Handle').fill(`live_${suffix}`);
    await page.getByLabel('Email').fill(`live-${suffix}@example.com`);
    await page.getByLabel('Password').fill(`kinora-${randomBytes(9).toString('base64url')}`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/upload$/);
    await page.getByRole('heading', { level: 1, name: 'Upload' }).waitFor();
    // Locally a cold function's init counts against its 10 s timeout; warm the two the card calls now, before the
    // encoder takes both cores (a 404 for an unknown id and a refused anonymous handshake start them).
    await page.request.get(`${baseUrl}/api/v1/videos/Nn0SuchVid1`);
    await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          const probe = new window.WebSocket(url);
          probe.onopen = () => {
            probe.close();
            resolve();
          };
          probe.onerror = () => resolve();
        }),
      `${baseUrl.replace(/^http/, 'ws')}/ws`,
    );
    // Survives only as long as the document does: still there at the end = no reload happened.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });

    await page.getByLabel('Select files').setInputFiles(clip);
    const card = page.getByRole('article', { name: path.basename(clip) });
    await card.getByLabel('Title').fill('Colour bars, live');
    await card.getByText('Uploaded', { exact: true }).waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Publish' }).click();
    check('publishing keeps the studio open', await page.url().endsWith('/upload'), page.url());

    // Live progress: the first rendition bar, fed by transcode.progress over the socket.
    const bars = card.getByRole('progressbar', { name: /rendition$/ });
    await bars.first().waitFor({ timeout: TRANSCODE_MS });
    await card.getByText('live', { exact: true }).waitFor();
    // For the picture: a moment with a rendition part-way (best effort; a fast encoder may skip past it).
    const partWay = await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('[role="progressbar"][aria-label$="rendition"]')].some((bar) => {
            const value = Number(bar.getAttribute('aria-valuenow'));
            return value > 0 && value < 100;
          }),
        null,
        { timeout: TRANSCODE_MS },
      )
      .then(() => true)
      .catch(() => false);
    const renditions = await bars.evaluateAll((all) =>
      all.map((bar) => `${bar.getAttribute('aria-label')} ${bar.getAttribute('aria-valuenow')}%`),
    );
    check('rendition progress bars appear, pushed live', true, `${renditions.join(', ')}; part-way seen: ${partWay}`);
    await shot(page, 'realtime-progress.png');

    // Close the socket under the page in the middle of the transcode.
    const before = await page.evaluate(() => window.__realtime.sockets.length);
    const midway = await card.locator('[data-transcode="processing"]').count();
    // Every socket: the header bell (notifications) may hold its own next to the studio's.
    await page.evaluate(() => {
      for (const socket of window.__realtime.sockets) socket.close();
    });
    check('the socket was closed while the video was still processing', midway === 1);
    await card.getByText('checking every few seconds').waitFor({ timeout: 5_000 });
    check('without a socket the card falls back to polling', true);
    await shot(page, 'realtime-reconnecting.png');

    await page.waitForFunction((count) => window.__realtime.sockets.length > count, before, { timeout: RECONNECT_MS });
    const resent = await page.waitForFunction(
      (count) =>
        window.__realtime.sent.some(({ socket, data }) => socket >= count && JSON.parse(data).action === 'subscribe'),
      before,
      { timeout: RECONNECT_MS },
    );
    check('the client reconnected on its own and subscribed again', Boolean(await resent.jsonValue()));

    const ready = card.getByText('Ready to watch');
    await ready.waitFor({ timeout: TRANSCODE_MS });
    const watch = card.getByRole('link', { name: 'Watch' });
    check('ready: a Watch link to the video', (await watch.getAttribute('href'))?.startsWith('/watch/') === true);
    const poster = card.getByRole('img', { name: /^Poster of/ });
    await poster.waitFor();
    await page.waitForFunction(
      () => [...document.querySelectorAll('img')].some((img) => img.alt.startsWith('Poster') && img.naturalWidth > 0),
      null,
      { timeout: TIMEOUT_MS },
    );
    check('ready: the poster image loaded', true);
    check('no reload on the way', await page.evaluate(() => window.__sameDocument === true));

    const heard = await page.evaluate(() =>
      window.__realtime.heard.map(({ socket, data }) => ({ socket, ...JSON.parse(data) })),
    );
    const types = heard.map((message) => message.type);
    const progress = heard.filter((message) => message.type === 'transcode.progress');
    const monotonic = progress.every((message, i) =>
      progress
        .slice(0, i)
        .every((earlier) => earlier.resolution !== message.resolution || earlier.progress <= message.progress),
    );
    // The completion may fall into the seconds the socket was down (a fast machine finishes the transcode before
    // the client reconnects): then the HTTP re-read on reconnect brought "ready", which is the point of it.
    // RealtimeCloudTest asserts started → progress → completed in order over an undisturbed socket.
    check(
      'heard subscribed and progress (monotonic per rendition) live',
      types.includes('subscribed') && progress.length > 0 && monotonic,
      `${heard.length} messages: ${[...new Set(types)].join(', ')}; ${progress.length} progress; completion ${
        types.includes('transcode.completed') ? 'heard live' : 'read over HTTP after the reconnect'
      }`,
    );
    await shot(page, 'realtime-ready.png');
    await useColorScheme(page, 'dark');
    await shot(page, 'realtime-ready-dark.png');
    await useColorScheme(page, 'light');

    await watch.click();
    await page.waitForURL(/\/watch\/[A-Za-z0-9_-]{11}$/);
    check('Watch opens the video page', true, page.url());

    check('realtime: no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
    await context.close();
  } catch (error) {
    await current?.screenshot({ path: path.join(resultsDir, 'realtime-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

await runJourney('realtime journey', main, screenshotsDir);
