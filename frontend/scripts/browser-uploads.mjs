// `npm run test:browser` (third part): the upload journey against the real local cloud (KINORA_URL).
//   Sign up → /upload → pick a real MP4 (generated with the ffmpeg layer, ≥ 3 parts) → while part 3 onwards are held
//   back, reload the page halfway → pick the file again → it resumes without re-sending the stored parts (PUTs to
//   the presigned part URLs are counted by request interception) → fill in the details → publish → the card's
//   "Video page" link → /watch/:id shows "processing". Screenshots: docs/screenshots/upload-*.png (light and dark).
//   FFMPEG (default ../layers/ffmpeg/target/layer/bin/ffmpeg), CHROMIUM_PATH (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/* global document, window -- used inside page.evaluate / waitForFunction, in the browser */
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ffmpeg = process.env.FFMPEG ?? path.resolve(here, '../../layers/ffmpeg/target/layer/bin/ffmpeg');
const resultsDir = path.resolve(here, '../test-results');
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const limits = JSON.parse(readFileSync(path.resolve(here, '../../shared/contract/limits.json'), 'utf8'));
const CHUNK = limits.upload.chunkSizeBytes;
const TIMEOUT_MS = 30_000;
/** Parts below this number go through before the reload; the rest are held back, so the reload lands halfway. */
const FIRST_HELD_PART = 3;

/** A real, playable MP4 (H.264 + AAC, noisy so it does not compress below a few parts), cached between runs. */
function videoFixture() {
  const file = path.join(resultsDir, 'upload-fixture.mp4');
  if (!existsSync(file) || statSync(file).size <= 2 * CHUNK) {
    if (!existsSync(ffmpeg)) throw new Error(`no ffmpeg at ${ffmpeg} (build layers/ffmpeg first)`);
    execFileSync(ffmpeg, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x360:rate=30,noise=alls=40:allf=t',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      '4',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '14',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-movflags',
      '+faststart',
      file,
    ]);
  }
  return { file, size: statSync(file).size };
}

/** Switches the system colour scheme and waits until the app has applied it (it follows the system in an effect). */
async function useColorScheme(page, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, scheme);
}

function partNumberOf(url) {
  const value = new URL(url).searchParams.get('partNumber');
  return value === null ? undefined : Number(value);
}

let current;

/** Waits for `url`, or fails with the form's message (e.g. the per-IP sign-up RATE_LIMITED of repeated runs). */
async function submitAndWaitFor(page, button, url) {
  await button.click();
  const alert = page.getByRole('main').getByRole('alert');
  const refused = alert.waitFor().then(async () => {
    throw new Error(`form refused: ${(await alert.textContent()) ?? ''}`);
  });
  refused.catch(() => undefined);
  await Promise.race([page.waitForURL(url), refused]);
}

async function main() {
  await mkdir(resultsDir, { recursive: true });
  await mkdir(screenshotsDir, { recursive: true });
  const fixture = videoFixture();
  const totalParts = Math.ceil(fixture.size / CHUNK);
  check('fixture: a real MP4 of at least 3 parts', totalParts >= 3, `${fixture.size} bytes, ${totalParts} parts`);

  const browser = await launchChromium();
  try {
    // Reduced motion: index.css then drops transitions, so a screenshot never catches a colour mid-change.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    current = page;
    page.setDefaultTimeout(TIMEOUT_MS);
    if (process.env.DEBUG_API) {
      const label = (request) =>
        `${request.method()} ${request.url().split('?')[0]} part=${partNumberOf(request.url()) ?? '-'}`;
      page.on('request', (request) => console.log('   >', label(request)));
      page.on('requestfinished', async (request) =>
        console.log('   <', label(request), (await request.response())?.status()),
      );
      page.on('requestfailed', (request) => console.log('   x', label(request), request.failure()?.errorText));
    }
    const consoleErrors = [];
    page.on('console', (message) => {
      // A visitor's GET /auth/me (the sign-up page) answers 401 by design; Chromium logs every failed resource load.
      const visitorMe = message.location().url.endsWith('/api/v1/auth/me') && /status of 401/.test(message.text());
      if (message.type() === 'error' && !visitorMe) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // The studio asks before leaving while bytes are moving; the reload below is on purpose.
    page.on('dialog', (dialog) => void dialog.accept());

    // Every PUT to a presigned part URL, by page load: issued, and answered 2xx by the storage.
    let phase = 'before reload';
    const issued = { 'before reload': [], 'after reload': [] };
    const stored = { 'before reload': [], 'after reload': [] };
    page.on('request', (request) => {
      const part = partNumberOf(request.url());
      if (request.method() === 'PUT' && part !== undefined) issued[phase].push(part);
    });
    page.on('requestfinished', async (request) => {
      const part = partNumberOf(request.url());
      if (request.method() !== 'PUT' || part === undefined) return;
      const response = await request.response();
      if (response && response.status() >= 200 && response.status() < 300) stored[phase].push(part);
    });

    // Hold back part FIRST_HELD_PART onwards until the reload, so the page reloads with the upload half done.
    const held = [];
    let holding = true;
    const partUrls = (url) => url.searchParams.has('partNumber');
    const holdLateParts = async (route) => {
      const part = partNumberOf(route.request().url());
      if (holding && route.request().method() === 'PUT' && part !== undefined && part >= FIRST_HELD_PART) {
        held.push(route);
        return;
      }
      await route.continue();
    };
    await page.route(partUrls, holdLateParts);

    const suffix = randomBytes(4).toString('hex');
    await page.goto(`${baseUrl}/signup?next=%2Fupload`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Channel name').fill(`Uploader ${suffix}`);
    await page.getByLabel('Handle').fill(`uploader_${suffix}`);
    await page.getByLabel('Email').fill(`uploader-${suffix}@example.com`);
    await page.getByLabel('Password').fill(`kinora-${randomBytes(9).toString('base64url')}`);
    await submitAndWaitFor(page, page.getByRole('button', { name: 'Create account' }), /\/upload$/);
    await page.getByRole('heading', { level: 1, name: 'Upload' }).waitFor();
    check('signed up and on the upload studio', true);

    await page.getByLabel('Select files').setInputFiles(fixture.file);
    const card = page.getByRole('article', { name: path.basename(fixture.file) });
    await card.waitFor();
    await card.getByText(`part ${FIRST_HELD_PART - 1} of ${totalParts} stored`).waitFor();
    await card.getByLabel('Title').fill('Noise at the seaside');
    check(
      'first load: parts before the held ones reached the storage',
      JSON.stringify([...stored['before reload']].sort((x, y) => x - y)) === JSON.stringify([1, 2]),
      `stored ${JSON.stringify(stored['before reload'])}, issued ${JSON.stringify(issued['before reload'])}`,
    );
    await page.screenshot({ path: path.join(screenshotsDir, 'upload-mid.png') });
    await checkAccessibility(page, 'upload studio mid-upload');
    await useColorScheme(page, 'dark');
    await page.screenshot({ path: path.join(screenshotsDir, 'upload-mid-dark.png') });
    await checkAccessibility(page, 'upload studio mid-upload (dark)');
    await useColorScheme(page, 'light');

    // Reload halfway: what was held never reaches the storage.
    // (Not unroute: Playwright lets a pending route fall through to the network when its handler goes away.)
    holding = false;
    phase = 'after reload';
    await page.reload({ waitUntil: 'domcontentloaded' });
    await Promise.all(held.map((route) => route.abort().catch(() => undefined)));
    await page.getByRole('heading', { level: 1, name: 'Upload' }).waitFor();

    await page.getByLabel('Select files').setInputFiles(fixture.file);
    const resumed = page.getByRole('article', { name: path.basename(fixture.file) });
    await resumed.getByText(`Resumed: 2 of ${totalParts} parts were already uploaded.`).waitFor();
    check('picking the file again resumes the upload', true);
    await resumed.getByLabel('Title').fill('Noise at the seaside');
    await resumed.getByLabel('Description').fill('A generated test clip: colour bars, noise and a 440 Hz tone.');
    await resumed.getByLabel('Tags').fill('test, noise');
    await resumed.getByText('Uploaded', { exact: true }).waitFor();
    // From the top, without a focus ring: a full-page shot of a scrolled page draws the sticky header mid-page.
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: path.join(screenshotsDir, 'upload-done.png'), fullPage: true });
    await checkAccessibility(page, 'upload studio with a finished upload');

    const expectedAfter = Array.from({ length: totalParts - 2 }, (_, i) => i + 3);
    const sortedIssued = [...issued['after reload']].sort((a, b) => a - b);
    check(
      'after the reload only the missing parts are sent (PUT count)',
      JSON.stringify(sortedIssued) === JSON.stringify(expectedAfter),
      `PUTs after reload: ${JSON.stringify(sortedIssued)}, expected ${JSON.stringify(expectedAfter)}`,
    );
    const everyPart = [...stored['before reload'], ...stored['after reload']].sort((a, b) => a - b);
    check(
      'each part reached the storage exactly once',
      JSON.stringify(everyPart) === JSON.stringify(Array.from({ length: totalParts }, (_, i) => i + 1)),
      JSON.stringify(everyPart),
    );

    await resumed.getByRole('button', { name: 'Publish' }).click();
    // The studio stays and follows the transcode live (browser-realtime.mjs); the card links to the video page.
    await resumed.getByRole('link', { name: 'Video page' }).click();
    await page.waitForURL(/\/watch\/[A-Za-z0-9_-]{11}$/);
    await page.getByRole('heading', { level: 1, name: 'Noise at the seaside' }).waitFor();
    const processing = await page
      .getByText('Processing — your video will be playable soon.')
      .waitFor()
      .then(() => true)
      .catch(() => false);
    check('lands on /watch/:id in processing', processing, page.url());
    await page.screenshot({ path: path.join(screenshotsDir, 'upload-watch-processing.png') });
    await useColorScheme(page, 'dark');
    await page.screenshot({ path: path.join(screenshotsDir, 'upload-watch-processing-dark.png') });

    check('uploads: no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
    await context.close();
  } catch (error) {
    await current?.screenshot({ path: path.join(resultsDir, 'uploads-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

await runJourney('upload journey', main, screenshotsDir);
