// `npm run test:browser` (fourth part): the watch journey against the real local cloud (KINORA_URL).
//   A real clip (generated with the ffmpeg layer, 854×480 so the ladder has two rungs) is uploaded through the API as
//   a private video and transcoded by the local cloud → the owner opens /watch/:id → hls.js plays it (currentTime
//   advances, a level is chosen) → switching quality in the menu switches the level → pausing saves the progress →
//   a reload resumes within 2 s of the saved position → a stranger gets 403 for the private video's playlist.
//   Screenshots: docs/screenshots/watch-page.png (and frontend/test-results/).
//   FFMPEG (default ../layers/ffmpeg/target/layer/bin/ffmpeg), CHROMIUM_PATH (default /usr/bin/chromium).
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/* global document -- used inside page.evaluate / waitForFunction, in the browser */
import { apiClient, signInContext } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.resolve(here, '../test-results');
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const TIMEOUT_MS = 30_000;
const CLIP_SECONDS = 16;
/**
 * Sign-up is rate limited per source IP and the other browser scripts sign up from 127.0.0.1: this script's API calls
 * come from another loopback address (Linux routes all of 127.0.0.0/8 to loopback).
 */
const LOCAL_ADDRESS = '127.0.0.77';

/** A real MP4 (H.264 + AAC, 854×480) the transcoder turns into a 480p + 360p ladder; cached between runs. */
const clip = () => testClip('playback-fixture.mp4', { width: 854, height: 480, seconds: CLIP_SECONDS });

const api = apiClient(LOCAL_ADDRESS);

/** Signs up, uploads the clip through the real multipart flow and waits until the transcode made it ready. */
async function uploadReadyVideo(file) {
  const { session } = await api.signUp('play', 'Sea Films');
  const videoId = await api.upload(session, file, {
    title: 'Waves at the pier',
    description: 'A test card and a 440 Hz tone, filmed nowhere.\nTranscoded by the local cloud.',
    visibility: 'private',
  });
  return { videoId, session, video: await api.waitUntilReady(session, videoId) };
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

  const stranger = await api.request('GET', `${uploaded.video.playlistUrl}`);
  check("a stranger cannot read the private video's playlist", stranger.status === 403, `HTTP ${stranger.status}`);

  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await signInContext(context, uploaded.session);
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
    const values = (await quality.locator('option').evaluateAll((all) => all.map((o) => o.value))).map(Number);
    const target = values.find((v) => v >= 0 && v !== state.level);
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
    await checkAccessibility(page, 'watch page');

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
    // First with the API failing: the like shows at once, then rolls back with a message.
    await page.route('**/api/v1/videos/*/rating', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong', requestId: 'r' } }),
      });
    });
    await rating.getByRole('button', { name: 'Like 0', exact: true }).click();
    const optimistic = await rating
      .getByRole('button', { name: 'Like 1', exact: true })
      .waitFor({ timeout: 700 })
      .then(() => true)
      .catch(() => false);
    await rating.getByRole('button', { name: 'Like 0', exact: true }).waitFor({ timeout: 10_000 });
    const toast = await rating.getByRole('alert').isVisible();
    await page.unroute('**/api/v1/videos/*/rating');
    check('a like the API refuses shows at once, then rolls back with a message', optimistic && toast);
    await rating.getByRole('button', { name: 'Like 0', exact: true }).click();
    await rating.getByRole('button', { name: 'Like 1', exact: true }).waitFor({ timeout: 10_000 });
    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByLabel('Add a comment').fill('Lovely waves, see https://example.com/sea');
    // The comment shows optimistically at once; the reload below waits for the server to have stored it.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/comments') && r.request().method() === 'POST'),
      comments.getByRole('button', { name: 'Comment' }).click(),
    ]);
    const link = comments.getByRole('link', { name: 'https://example.com/sea' });
    await link.waitFor({ timeout: 10_000 });
    const rel = (await link.getAttribute('rel')) ?? '';
    await page.reload();
    const liked = page
      .getByRole('group', { name: 'Rate this video' })
      .getByRole('button', { name: 'Like 1', exact: true });
    await liked.waitFor({ timeout: 10_000 });
    await page.getByRole('region', { name: 'Comments' }).getByText('Lovely waves, see').waitFor({ timeout: 10_000 });
    const counted = await page.getByRole('heading', { name: '1 comment', exact: true }).isVisible();
    check(
      'a like and a comment are saved and shown again after a reload',
      (await liked.getAttribute('aria-pressed')) === 'true' &&
        counted &&
        rel.includes('noopener') &&
        rel.includes('nofollow'),
      `rel="${rel}", heading "1 comment": ${String(counted)}`,
    );
    // A reply, one level deep, under the comment: it shows in the comment's thread and counts.
    const thread = page.getByRole('region', { name: 'Comments' });
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByLabel('Reply to Sea Films').fill('And the gulls!');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/comments') && r.request().method() === 'POST'),
      thread.getByRole('button', { name: 'Post reply' }).click(),
    ]);
    const replies = thread.getByRole('list', { name: 'Replies to Sea Films' });
    await replies.getByText('And the gulls!').waitFor({ timeout: 10_000 });
    check('a reply shows in the comment’s thread', true);
    await page.screenshot({ path: path.join(resultsDir, 'watch-page-engagement.png'), fullPage: true });
    await checkAccessibility(page, 'watch page with a rating and a comment');

    // A shared link's ?t= wins over the resume position; the speed menu changes the rate and is remembered.
    await page.goto(`${baseUrl}/watch/${uploaded.videoId}?t=12`);
    await page.waitForFunction(() => {
      const video = document.querySelector('video');
      return video && video.readyState >= 1 && video.currentTime > 0;
    });
    const sharedStart = (await playerState(page)).currentTime;
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
    const rate = await page.evaluate(() => document.querySelector('video')?.playbackRate);
    await page.reload();
    await page.getByRole('combobox', { name: 'Speed' }).waitFor();
    const remembered = await page.getByRole('combobox', { name: 'Speed' }).inputValue();
    check(
      '?t=12 starts at 12 s; Speed 1.5× plays at 1.5 and is remembered after a reload',
      Math.abs(sharedStart - 12) < 1 && rate === 1.5 && remembered === '1.5',
      `started at ${sharedStart.toFixed(2)} s, playbackRate ${String(rate)}, after reload ${remembered}`,
    );
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const shareLink = await page.getByRole('dialog', { name: 'Share this video' }).getByLabel('Link').inputValue();
    check('Share shows the link to the video', shareLink === `${baseUrl}/watch/${uploaded.videoId}`, shareLink);
    await page.screenshot({ path: path.join(screenshotsDir, 'watch-share.png') });
    await checkAccessibility(page, 'watch page with the share dialog open');

    check('no uncaught page errors', pageErrors.length === 0, pageErrors.join(' | '));
  } finally {
    await browser.close();
  }
}

await runJourney('playback journey', main);
