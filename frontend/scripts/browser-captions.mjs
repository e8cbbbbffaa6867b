// `npm run test:browser`: an owner adds captions and a viewer turns them on. The owner (signed up over the API from
// its own loopback address) uploads a clip; in the browser, the watch page's Captions section refuses a broken .srt
// with the server's line message at the file field, then publishes a good one. After a reload the player's CC menu
// lists the track; choosing it shows the cue over the playing video (a showing text track with the cue active), the
// choice is remembered after another reload, and `c` turns captions off.
// Screenshots: docs/screenshots/captions-editor.png, docs/screenshots/captions-player.png.
/* global document, window, VTTCue -- read inside page.evaluate / waitForFunction, in the browser */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, signInContext } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const LOCAL_ADDRESS = '127.0.0.87';
const TIMEOUT_MS = 30_000;
const CUE = 'Hello from Kinora captions';
const GOOD_SRT = `1\r\n00:00:00,200 --> 00:00:07,500\r\n${CUE}\r\n`;
const BAD_SRT = '1\n00:00:00,200 --> 00:00:07,500\nfine\n\n2\n00:00:08 --> 00:00:09\nbroken\n';

/** The text of the showing text track's active cues, '' when none (read in the browser). */
function activeCueText() {
  const video = document.querySelector('video');
  if (!video) return '';
  for (const track of Array.from(video.textTracks)) {
    if (track.mode === 'showing' && track.activeCues && track.activeCues.length > 0) {
      return Array.from(track.activeCues)
        .map((cue) => (cue instanceof VTTCue ? cue.text : ''))
        .join('\n');
    }
  }
  return '';
}

async function main() {
  await mkdir(screenshotsDir, { recursive: true });
  const api = apiClient(LOCAL_ADDRESS);
  const { session } = await api.signUp('captions', 'Caption Works');
  const clip = testClip('captions-fixture.mp4', { width: 640, height: 360, seconds: 8, tone: 520 });
  const videoId = await api.upload(session, clip, { title: 'Now with captions', visibility: 'public' });
  await api.waitUntilReady(session, videoId);

  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1300 } });
    await signInContext(context, session);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.goto(`${baseUrl}/watch/${videoId}`);

    const section = page.getByRole('region', { name: 'Captions' });
    await section.getByText('No caption tracks yet.').waitFor();
    const fileField = section.getByLabel('Caption file (.vtt or .srt, UTF-8)');
    await fileField.setInputFiles({
      name: 'broken.srt',
      mimeType: 'application/x-subrip',
      buffer: Buffer.from(BAD_SRT),
    });
    await section.getByRole('button', { name: 'Upload captions' }).click();
    const lineMessage = section.getByText(/^line 6: malformed cue timing/);
    await lineMessage.waitFor();
    await section.screenshot({ path: path.join(screenshotsDir, 'captions-editor-error.png') });
    check(
      "a broken .srt shows the server's line message at the file field",
      (await fileField.getAttribute('aria-invalid')) === 'true',
    );

    await fileField.setInputFiles({
      name: 'hello.srt',
      mimeType: 'application/x-subrip',
      buffer: Buffer.from(GOOD_SRT),
    });
    await section.getByRole('button', { name: 'Upload captions' }).click();
    await section.getByRole('status').filter({ hasText: 'English published (1 cue)' }).waitFor();
    const listed = await section.getByRole('list', { name: 'Caption tracks' }).getByText('English').count();
    check('the uploaded track is listed in the Captions section', listed === 1);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: path.join(screenshotsDir, 'captions-editor.png'), fullPage: true });
    await checkAccessibility(page, 'watch page with the Captions section');

    await page.reload();
    const cc = page.getByRole('button', { name: 'CC, captions: Off (c)' });
    await cc.waitFor();
    await cc.click();
    await page.getByRole('menu', { name: 'Captions' }).waitFor();
    await checkAccessibility(page, 'watch page with the CC menu open');
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('button', { name: 'CC, captions: English (c)' }).waitFor();
    await page.evaluate(() => {
      const video = document.querySelector('video');
      if (!video) return undefined;
      video.muted = true;
      return video.play();
    });
    await page.waitForFunction(activeCueText);
    const shown = await page.evaluate(activeCueText);
    check('choosing the track in the CC menu renders its cue over the video', shown === CUE, JSON.stringify(shown));
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1.5);
    await page.evaluate(() => {
      document.querySelector('video')?.pause();
    });
    await page.getByRole('group', { name: /^Video player/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotsDir, 'captions-player.png') });

    await page.reload();
    await page.getByRole('button', { name: 'CC, captions: English (c)' }).waitFor();
    check('the captions choice is remembered after a reload', true);
    await page.locator('video').focus();
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'CC, captions: Off (c)' }).waitFor();
    check('c turns captions off', true);
    const stored = await page.evaluate(() => window.localStorage.getItem('kinora.captions'));
    check('the off choice is remembered too', stored === 'off', String(stored));
    await context.close();
  } finally {
    await browser.close();
  }
}

await runJourney('captions journey', main, screenshotsDir);
