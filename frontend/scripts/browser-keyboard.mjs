// `npm run test:browser`: the upload and playback journeys with the keyboard only — no mouse, no clicks. Signed in,
// pick a file from the upload studio (Enter on the file field opens the chooser), name it, publish, wait for it to
// be ready, open it, play/pause (k), seek (l, j), mute (m), like it and comment on it. Every step reaches its
// control with Tab from where the previous one left the focus, and prints how many Tab presses that took.
//   KINORA_URL (default http://127.0.0.1:8080), CHROMIUM_PATH (default /usr/bin/chromium), FFMPEG.
/* global document -- read inside page.evaluate, in the browser */
import path from 'node:path';
import { apiClient, signInContext } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const TIMEOUT_MS = 30_000;
const TRANSCODE_MS = 180_000;
const MAX_TABS = 60;
const LOCAL_ADDRESS = '127.0.0.78';

/** What has the focus now: its tag, type, accessible-ish name (label, aria-label or text). */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: 'body', type: '', name: '' };
    const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
    const name = (element.getAttribute('aria-label') ?? labelled?.textContent ?? element.textContent ?? '').trim();
    return { tag: element.tagName.toLowerCase(), type: element.getAttribute('type') ?? '', name };
  });
}

/** Presses Tab until the focused element matches; fails the journey if MAX_TABS presses never get there. */
async function tabTo(page, description, matches) {
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return presses;
  }
  throw new Error(`${String(MAX_TABS)} Tab presses never reached ${description}`);
}

const named = (name) => (element) => element.name === name;
const isFileField = (element) => element.type === 'file';
const CHOOSER_ATTEMPTS = 3;
const CHOOSER_WAIT_MS = 10_000;

/**
 * Tabs to the file field and presses Enter until the chooser opens. A CI run once saw no chooser within 30 s: the
 * studio can re-render the field while its queries settle, leaving the key press on a node that is gone, so a miss
 * records where the focus was and (if it moved) tabs back instead of failing on the first try.
 */
async function openFileChooser(page) {
  const missed = [];
  let presses = 0;
  for (let attempt = 1; attempt <= CHOOSER_ATTEMPTS; attempt++) {
    if (!isFileField(await focused(page))) presses += await tabTo(page, 'the file field', isFileField);
    const opened = page.waitForEvent('filechooser', { timeout: CHOOSER_WAIT_MS });
    await page.keyboard.press('Enter');
    try {
      return { chooser: await opened, presses, attempts: attempt, missed };
    } catch {
      const at = await focused(page);
      missed.push(`no chooser, focus on ${at.tag}${at.type ? `[type=${at.type}]` : ''} ${at.name}`.trim());
    }
  }
  throw new Error(`Enter on the file field never opened a chooser: ${missed.join('; ')}`);
}

async function main() {
  const clip = testClip('keyboard-fixture.mp4', { width: 640, height: 360, seconds: 24, tone: 523 });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const tabs = {};
  try {
    // The account is set-up, not the point: signed up over the API, from this journey's own loopback address.
    const { session } = await apiClient(LOCAL_ADDRESS).signUp('keys', 'Keyboard only');
    await signInContext(context, session);
    await page.goto(`${baseUrl}/upload`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1, name: 'Upload' }).waitFor();

    const picker = await openFileChooser(page);
    tabs['file picker'] = picker.presses;
    await picker.chooser.setFiles(clip);
    const card = page.getByRole('article', { name: path.basename(clip) });
    await card.waitFor();
    check(
      'Enter on the focused file field opens the chooser and starts the upload',
      true,
      picker.attempts > 1 ? `opened on attempt ${String(picker.attempts)}; before: ${picker.missed.join('; ')}` : '',
    );

    tabs['title field'] = await tabTo(page, 'the title field', named('Title'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Typed, not clicked');
    await card.getByText('Uploaded', { exact: true }).waitFor({ timeout: 60_000 });
    tabs['publish button'] = await tabTo(page, 'Publish', named('Publish'));
    await page.keyboard.press('Enter');
    await card.getByText('Ready to watch').waitFor({ timeout: TRANSCODE_MS });
    check('Enter on Publish publishes; the card reaches "Ready to watch"', true);
    await checkAccessibility(page, 'upload studio after a keyboard-only upload');

    tabs['watch link'] = await tabTo(page, 'the Watch link', named('Watch'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/watch\/[A-Za-z0-9_-]{11}$/);
    await page.getByRole('heading', { level: 1, name: 'Typed, not clicked' }).waitFor();
    check('Enter on Watch opens the video page', true, page.url());

    tabs['player'] = await tabTo(page, 'the player', (element) => element.tag === 'video');
    const video = page.locator('video');
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
    await page.keyboard.press('k');
    await page.waitForFunction(() => {
      const element = document.querySelector('video');
      return element !== null && !element.paused && element.currentTime > 0.5;
    });
    check('k plays', true);
    await page.keyboard.press('k');
    const pausedAt = await video.evaluate((element) => (element.paused ? element.currentTime : -1));
    await page.keyboard.press('l');
    const ahead = await video.evaluate((element) => element.currentTime);
    await page.keyboard.press('j');
    const back = await video.evaluate((element) => element.currentTime);
    check(
      'k pauses, l seeks 10 s ahead, j 10 s back',
      pausedAt >= 0 && Math.abs(ahead - pausedAt - 10) < 0.5 && Math.abs(back - pausedAt) < 0.5,
      `paused at ${pausedAt.toFixed(2)} s, l → ${ahead.toFixed(2)} s, j → ${back.toFixed(2)} s`,
    );
    await page.keyboard.press('m');
    check('m mutes', await video.evaluate((element) => element.muted));

    tabs['like button'] = await tabTo(page, 'Like', named('Like 0'));
    await page.keyboard.press('Space');
    const like = page.getByRole('button', { name: 'Like 1', exact: true });
    await like.waitFor({ timeout: 10_000 });
    check('Space on Like likes the video', (await like.getAttribute('aria-pressed')) === 'true');

    tabs['comment box'] = await tabTo(page, 'the comment box', named('Add a comment'));
    await page.keyboard.type('Commented without a mouse');
    tabs['comment button'] = await tabTo(page, 'Comment', named('Comment'));
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Comments' }).getByText('Commented without a mouse').waitFor();
    check('Enter on Comment posts it', true);
    await checkAccessibility(page, 'watch page after keyboard-only playback and engagement');

    check(
      'every step was reachable with Tab',
      true,
      Object.entries(tabs)
        .map(([step, presses]) => `${step} ${String(presses)}`)
        .join(', '),
    );
  } catch (error) {
    await page.screenshot({ path: path.resolve('test-results', 'keyboard-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

await runJourney('keyboard journey', main);
