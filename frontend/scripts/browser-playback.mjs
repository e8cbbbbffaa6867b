// `npm run test:browser` (fourth part): the watch journey against the real local cloud (KINORA_URL).
//   A real clip (generated with the ffmpeg layer, 854×480 so the ladder has two rungs) is uploaded through the API as
//   a private video and transcoded by the local cloud → the owner opens /watch/:id → hls.js plays it (currentTime
//   advances, a level is chosen) → switching quality in the menu switches the level → pausing saves the progress →
//   a reload resumes within 2 s of the saved position → a stranger gets 403 for the private video's playlist.
//   Screenshots: docs/screenshots/watch-page.png (and frontend/test-results/).
//   FFMPEG (default ../layers/ffmpeg/target/layer/bin/ffmpeg), CHROMIUM_PATH (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/* global document -- used inside page.evaluate / waitForFunction, in the browser */
import { baseUrl, check, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ffmpeg = process.env.FFMPEG ?? path.resolve(here, '../../layers/ffmpeg/target/layer/bin/ffmpeg');
const resultsDir = path.resolve(here, '../test-results');
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const TIMEOUT_MS = 30_000;
const TRANSCODE_TIMEOUT_MS = 240_000;
const CLIP_SECONDS = 16;
/**
 * Sign-up is rate limited per source IP and the other browser scripts sign up from 127.0.0.1: this script's API calls
 * come from another loopback address (Linux routes all of 127.0.0.0/8 to loopback).
 */
const LOCAL_ADDRESS = '127.0.0.77';

/** A real MP4 (H.264 + AAC, 854×480) the transcoder turns into a 480p + 360p ladder; cached between runs. */
function clip() {
  const file = path.join(resultsDir, 'playback-fixture.mp4');
  if (!existsSync(file)) {
    if (!existsSync(ffmpeg)) throw new Error(`no ffmpeg at ${ffmpeg} (build layers/ffmpeg first)`);
    execFileSync(ffmpeg, [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=854x480:rate=30`],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
      ...['-t', String(CLIP_SECONDS), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart', file],
    ]);
  }
  return { file, size: statSync(file).size };
}

/** One HTTP request from LOCAL_ADDRESS; JSON in and out, the session cookie kept. */
function request(method, url, { body, cookie, raw } = {}) {
  return new Promise((resolve, reject) => {
    const target = new URL(url, baseUrl);
    const payload = raw ?? (body === undefined ? undefined : Buffer.from(JSON.stringify(body)));
    const headers = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (payload) headers['content-length'] = String(payload.length);
    if (method !== 'GET' && target.pathname.startsWith('/api/')) headers['x-requested-with'] = 'kinora';
    if (cookie) headers.cookie = cookie;
    const req = http.request(target, { method, headers, localAddress: LOCAL_ADDRESS }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, json, text });
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function expectStatus(reply, status, what) {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${reply.text}`);
  return reply;
}

/** Signs up, uploads the clip through the real multipart flow and waits until the transcode made it ready. */
async function uploadReadyVideo(fixture) {
  const handle = `play${randomBytes(4).toString('hex')}`;
  const signup = expectStatus(
    await request('POST', '/api/v1/auth/signup', {
      body: { email: `${handle}@example.com`, password: 'a long and quiet river', displayName: 'Sea Films', handle },
    }),
    201,
    'sign-up',
  );
  const session = String(signup.headers['set-cookie']?.[0] ?? '').split(';')[0];
  const init = expectStatus(
    await request('POST', '/api/v1/uploads', {
      cookie: session,
      body: { filename: 'waves.mp4', fileSize: fixture.size, mimeType: 'video/mp4' },
    }),
    201,
    'upload init',
  ).json.data;
  const partNumbers = Array.from({ length: init.totalChunks }, (_, i) => i + 1);
  const urls = expectStatus(
    await request('POST', `/api/v1/uploads/${init.id}/parts`, { cookie: session, body: { partNumbers } }),
    200,
    'part URLs',
  ).json.data.parts;
  const bytes = await readFile(fixture.file);
  for (const part of urls) {
    const start = (part.partNumber - 1) * init.chunkSize;
    const reply = await request('PUT', part.url, { raw: bytes.subarray(start, start + init.chunkSize) });
    if (reply.status !== 200) throw new Error(`part ${part.partNumber}: ${reply.status}`);
  }
  expectStatus(
    await request('POST', `/api/v1/uploads/${init.id}/complete`, {
      cookie: session,
      body: {
        title: 'Waves at the pier',
        description: 'A test card and a 440 Hz tone, filmed nowhere.\nTranscoded by the local cloud.',
        visibility: 'private',
      },
    }),
    201,
    'complete',
  );
  const started = Date.now();
  for (;;) {
    const video = expectStatus(await request('GET', `/api/v1/videos/${init.videoId}`, { cookie: session }), 200, 'get');
    if (video.json.data.status === 'ready') return { videoId: init.videoId, session, video: video.json.data };
    if (video.json.data.status === 'failed') throw new Error(`transcode failed: ${video.json.data.failureReason}`);
    if (Date.now() - started > TRANSCODE_TIMEOUT_MS) throw new Error('the video never became ready');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function playerState(page) {
  return page.evaluate(() => {
    const shell = document.querySelector('[data-engine]');
    const video = document.querySelector('video');
    return {
      engine: shell?.getAttribute('data-engine'),
      level: Number(shell?.getAttribute('data-current-level')),
      levels: Number(shell?.getAttribute('data-level-count')),
      currentTime: video?.currentTime ?? 0,
      paused: video?.paused ?? true,
    };
  });
}

async function main() {
  await mkdir(resultsDir, { recursive: true });
  await mkdir(screenshotsDir, { recursive: true });
  const fixture = clip();
  const uploaded = await uploadReadyVideo(fixture);
  check(
    'the clip was uploaded and transcoded',
    uploaded.video.resolutions.length >= 2,
    `${uploaded.videoId}: ${uploaded.video.resolutions.join(', ')}`,
  );

  const stranger = await request('GET', `${uploaded.video.playlistUrl}`);
  check("a stranger cannot read the private video's playlist", stranger.status === 403, `HTTP ${stranger.status}`);

  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const [name, value] = uploaded.session.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${baseUrl}/watch/${uploaded.videoId}`);
    await page.getByRole('heading', { level: 1, name: 'Waves at the pier' }).waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-engine]')?.getAttribute('data-level-count')) >= 2,
    );
    await page.evaluate(() => {
      const video = document.querySelector('video');
      video.muted = true;
      return video.play();
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1.5);
    let state = await playerState(page);
    check('the video plays (currentTime advances)', state.currentTime > 1.5, `t=${state.currentTime.toFixed(2)} s`);
    check(
      'hls.js chose a level',
      state.engine === 'hls.js' && state.level >= 0,
      `level ${state.level} of ${state.levels}`,
    );

    // The quality menu lists Auto and the ladder; pick the rung that is not playing now.
    const quality = page.getByRole('combobox', { name: 'Quality' });
    const options = await quality.locator('option').allTextContents();
    const target = await page.evaluate((current) => {
      const values = [...document.querySelectorAll('select option')].map((option) => Number(option.value));
      return values.find((v) => v >= 0 && v !== current);
    }, state.level);
    await quality.selectOption(String(target));
    await page.waitForFunction(
      (wanted) => Number(document.querySelector('[data-engine]')?.getAttribute('data-current-level')) === wanted,
      target,
    );
    state = await playerState(page);
    check(
      'switching quality switches the level',
      state.level === target,
      `${options.join(' | ')} → level ${state.level}`,
    );

    // Watch a little further, pause: the pause saves the progress.
    await page.evaluate(() => {
      document.querySelector('video').currentTime = 7;
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 8);
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/v1/videos/${uploaded.videoId}/progress`) && response.request().method() === 'PUT',
    );
    await page.evaluate(() => document.querySelector('video').pause());
    const progress = (await (await saved).json()).data;
    check(
      'pausing saved the progress',
      progress.lastPosition > 8,
      `lastPosition ${progress.lastPosition.toFixed(2)} s`,
    );

    // The seek preview: hover the scrub strip a third of the way in.
    const scrub = page.getByTestId('storyboard-scrub');
    const box = await scrub.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await page.screenshot({ path: path.join(resultsDir, 'watch-page.png'), fullPage: true });
    await copyFile(path.join(resultsDir, 'watch-page.png'), path.join(screenshotsDir, 'watch-page.png'));

    await page.reload();
    await page.waitForFunction(() => {
      const video = document.querySelector('video');
      return video && video.readyState >= 1 && video.currentTime > 0;
    });
    state = await playerState(page);
    const drift = Math.abs(state.currentTime - progress.lastPosition);
    check(
      'a reload resumes within 2 s of the saved position',
      drift <= 2,
      `resumed at ${state.currentTime.toFixed(2)} s, drift ${drift.toFixed(2)} s`,
    );

    // Engagement on the same page: the like counts at once and is the server's state after a reload; a comment
    // shows with its link made clickable (rel keeps it from leaking the page or passing rank).
    const rating = page.getByRole('group', { name: 'Rate this video' });
    await rating.getByRole('button', { name: 'Like (0)', exact: true }).click();
    await rating.getByRole('button', { name: 'Like (1)', exact: true }).waitFor({ timeout: 10_000 });
    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByLabel('Add a comment').fill('Lovely waves, see https://example.com/sea');
    await comments.getByRole('button', { name: 'Comment' }).click();
    const link = comments.getByRole('link', { name: 'https://example.com/sea' });
    await link.waitFor({ timeout: 10_000 });
    const rel = (await link.getAttribute('rel')) ?? '';
    await page.reload();
    const liked = page
      .getByRole('group', { name: 'Rate this video' })
      .getByRole('button', { name: 'Like (1)', exact: true });
    await liked.waitFor({ timeout: 10_000 });
    await page.getByRole('region', { name: 'Comments' }).getByText('Lovely waves, see').waitFor({ timeout: 10_000 });
    check(
      'a like and a comment are saved and shown again after a reload',
      (await liked.getAttribute('aria-pressed')) === 'true' && rel.includes('noopener') && rel.includes('nofollow'),
      `rel="${rel}"`,
    );
    await page.screenshot({ path: path.join(resultsDir, 'watch-page-engagement.png'), fullPage: true });

    check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
  } finally {
    await browser.close();
  }
}

await runJourney('playback journey', main);
