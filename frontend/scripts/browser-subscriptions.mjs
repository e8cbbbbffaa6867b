// `npm run test:browser` (subscriptions part): subscriptions and live notifications against the real local cloud
// (KINORA_URL). Creator A and fan B (signed up over the API) are signed in in two browsers → B opens A's channel page; a simulated API failure on
// Subscribe rolls the button and count back with a toast → B subscribes (bell: All), the count reads 1 → A uploads a
// small ffmpeg-made clip as public and publishes → when it is ready, B's header bell lights up with one unread
// notification without a reload (notification.new over the WebSocket) → B opens the panel, then /subscriptions shows
// the upload. Screenshots: docs/screenshots/subscriptions-*.png.
//   FFMPEG (default ../layers/ffmpeg/target/layer/bin/ffmpeg), CHROMIUM_PATH (default /usr/bin/chromium).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/* global window -- used inside page.evaluate, in the browser */
import { apiClient, signInContext } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.resolve(here, '../test-results');
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const TIMEOUT_MS = 30_000;
/** Upload, transcode of a 4 s clip, the stream → queue → fan-out: a few minutes on a loaded machine. */
const READY_MS = 240_000;
/**
 * Sign-up is rate limited per source IP and the UI journeys (accounts, channel, uploads, realtime) sign up from
 * 127.0.0.1: this journey's two accounts come from a loopback address of its own; signing up is not what it tests.
 */
const LOCAL_ADDRESS = '127.0.0.85';

async function shot(page, name) {
  await page.screenshot({ path: path.join(screenshotsDir, name), fullPage: false });
}

function collectErrors(page, errors) {
  page.on('console', (message) => {
    const text = message.text();
    const visitorMe = message.location().url.endsWith('/api/v1/auth/me') && /status of 401/.test(text);
    // the simulated failure is this test's doing
    const simulated = /status of 500/.test(text);
    if (message.type() === 'error' && !visitorMe && !simulated) errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
}

let current;

async function main() {
  await mkdir(resultsDir, { recursive: true });
  await mkdir(screenshotsDir, { recursive: true });
  // one 360p rung: quick to transcode
  const clip = testClip('subscriptions-fixture.mp4', { width: 640, height: 360, seconds: 4, tone: 550 });
  const api = apiClient(LOCAL_ADDRESS);
  const browser = await launchChromium();
  const errors = [];
  try {
    const makerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const fanContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const maker = await makerContext.newPage();
    const fan = await fanContext.newPage();
    for (const page of [maker, fan]) {
      page.setDefaultTimeout(TIMEOUT_MS);
      collectErrors(page, errors);
    }

    const makerAccount = await api.signUp('maker', 'Maker channel');
    const makerHandle = makerAccount.handle;
    await signInContext(makerContext, makerAccount.session);
    await signInContext(fanContext, (await api.signUp('fan', 'Fan channel')).session);
    current = fan;

    // the button acts once the fan's own state for the channel is known
    const stateLoaded = fan.waitForResponse(
      (response) => response.url().endsWith('/subscription') && response.request().method() === 'GET',
      { timeout: 60_000 },
    );
    await fan.goto(`${baseUrl}/c/${makerHandle}`);
    await stateLoaded;
    await fan.getByRole('heading', { level: 1 }).waitFor();
    await fan.getByText('0 subscribers').waitFor();

    // A simulated API failure: the button flips at once, then rolls back with a toast.
    await fan.route('**/api/v1/channels/*/subscription', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'Simulated', requestId: 'sim-1' } }),
          })
        : route.continue(),
    );
    await fan.getByRole('button', { name: 'Subscribe' }).click();
    const toast = await fan
      .getByRole('alert')
      .filter({ hasText: 'could not be saved' })
      .waitFor()
      .then(() => true)
      .catch(() => false);
    check(
      'the failure shows a toast',
      toast,
      await fan
        .getByRole('alert')
        .allTextContents()
        .then((t) => t.join(' | ')),
    );
    const rolledBack =
      (await fan.getByRole('button', { name: 'Subscribe' }).isVisible()) &&
      (await fan.getByText('0 subscribers').isVisible());
    check('a failed subscribe rolls back the button and the count, with a toast', rolledBack);
    await shot(fan, 'subscriptions-rollback.png');
    await fan.unroute('**/api/v1/channels/*/subscription');

    await fan.getByRole('button', { name: 'Subscribe' }).click();
    await fan.getByRole('button', { name: /Subscribed, notifications: all/ }).waitFor();
    await fan.getByText('1 subscriber', { exact: true }).waitFor();
    check('subscribing shows Subscribed and the exact count 1', true);
    await fan.getByRole('button', { name: /Subscribed, notifications/ }).click();
    await fan.getByRole('menu', { name: 'Notifications from this channel' }).waitFor();
    await shot(fan, 'subscriptions-channel.png');
    await fan.keyboard.press('Escape');

    // Still the same document at the end = no reload.
    await fan.evaluate(() => {
      window.__sameDocument = true;
    });

    current = maker;
    await maker.goto(`${baseUrl}/upload`);
    await maker.getByLabel('Select files').setInputFiles(clip);
    const card = maker.getByRole('article', { name: path.basename(clip) });
    await card.getByLabel('Title').fill('Sine and colour bars');
    await card.getByRole('radio', { name: /^Public/ }).check();
    await card.getByText('Uploaded', { exact: true }).waitFor({ timeout: 60_000 });
    await card.getByRole('button', { name: 'Publish' }).click();
    await card.getByText('Ready to watch').waitFor({ timeout: READY_MS });
    check('the maker’s upload is ready', true);

    current = fan;
    const lit = await fan
      .getByRole('button', { name: 'Notifications, 1 unread' })
      .waitFor({ timeout: READY_MS })
      .then(() => true)
      .catch(() => false);
    check('the fan’s bell lights up with 1 unread', lit);
    check('without a reload', await fan.evaluate(() => window.__sameDocument === true));

    await fan.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const panel = fan.getByRole('dialog', { name: 'Notifications' });
    await panel.getByRole('link', { name: /uploaded: Sine and colour bars/ }).waitFor();
    check('the panel lists the upload', true);
    await shot(fan, 'subscriptions-bell.png');
    await fan.keyboard.press('Escape');

    await fan.goto(`${baseUrl}/subscriptions`);
    await fan.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    const listed = await fan
      .getByRole('list', { name: 'Latest uploads of your subscriptions' })
      .getByText('Sine and colour bars')
      .waitFor()
      .then(() => true)
      .catch(() => false);
    check('/subscriptions lists the channel’s latest upload', listed);
    await shot(fan, 'subscriptions-page.png');

    await fan
      .getByRole('list', { name: 'Latest uploads of your subscriptions' })
      .getByRole('link', { name: /Sine and colour bars/ })
      .first()
      .click();
    await fan.waitForURL(/\/watch\/[A-Za-z0-9_-]{11}$/);
    await fan.getByRole('button', { name: /Subscribed, notifications: all/ }).click();
    await fan.getByRole('menu', { name: 'Notifications from this channel' }).waitFor();
    await shot(fan, 'subscriptions-watch.png');

    check('subscriptions: no console errors', errors.length === 0, errors.join(' | '));
    await makerContext.close();
    await fanContext.close();
  } catch (error) {
    await current?.screenshot({ path: path.join(resultsDir, 'subscriptions-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

await runJourney('subscriptions journey', main, screenshotsDir);
