// `npm run test:browser` (playlists part) against the real local cloud (KINORA_URL): a creator (signed up over the
// API from a loopback address of its own) uploads three short clips → on the first one's watch page, "Save" →
// "New playlist" creates a playlist holding it → the Save menu ticks it for the other two → /playlists lists it →
// its page shows the three in order (axe check), Move down reorders with the keyboard → "Play all" opens the watch
// page with ?list= and its panel → Next plays the next video → when a video ends, autoplay goes on to the next one.
// Screenshots: docs/screenshots/playlists-*.png.
//   FFMPEG (default ../layers/ffmpeg/target/layer/bin/ffmpeg), CHROMIUM_PATH (default /usr/bin/chromium).
/* global document, window -- used inside page.evaluate and page.waitForFunction, in the browser */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, signInContext } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const TIMEOUT_MS = 30_000;
/** Sign-up is rate limited per source IP: this journey's account comes from a loopback address of its own. */
const LOCAL_ADDRESS = '127.0.0.86';
const TITLES = ['Planing the board', 'Cutting the joints', 'Gluing it up'];

async function shot(page, name) {
  await page.screenshot({ path: path.join(screenshotsDir, `playlists-${name}.png`), fullPage: false });
}

/** The Save dialog of the watch page, opened. */
async function openSaveMenu(page) {
  await page.getByRole('button', { name: 'Save to playlist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save to…' });
  await dialog.getByRole('checkbox', { name: /Watch later/ }).waitFor();
  return dialog;
}

/** Whether the page's video element is playing (advancing and not paused). */
async function isPlaying(page) {
  return page.locator('video').evaluate(
    (video) =>
      new Promise((resolve) => {
        const start = video.currentTime;
        setTimeout(() => {
          resolve(!video.paused && video.currentTime > start);
        }, 700);
      }),
  );
}

async function journey() {
  await mkdir(screenshotsDir, { recursive: true });
  const api = apiClient(LOCAL_ADDRESS);
  const { session, handle } = await api.signUp('curator', 'Workshop Films');
  const ids = [];
  for (const [index, title] of TITLES.entries()) {
    const clip = testClip(`playlists-fixture-${String(index)}.mp4`, {
      width: 640,
      height: 360,
      seconds: 3,
      tone: 440 + index * 110,
    });
    ids.push(await api.upload(session, clip, { title, visibility: 'public' }));
  }
  for (const id of ids) await api.waitUntilReady(session, id);
  check('three clips uploaded and ready', ids.length === 3);

  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await signInContext(context, session);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Build the playlist from the Save menu.
    await page.goto(`${baseUrl}/watch/${ids[0]}`);
    await page.getByRole('heading', { level: 1, name: TITLES[0] }).waitFor();
    let dialog = await openSaveMenu(page);
    await dialog.getByRole('button', { name: 'New playlist' }).click();
    await dialog.getByLabel('Name').fill('Building a bench');
    await dialog.getByRole('button', { name: 'Create' }).click();
    // The form closes once the playlist exists with the video in it.
    await dialog.getByRole('button', { name: 'New playlist' }).waitFor();
    const created = dialog.getByRole('checkbox', { name: /Building a bench/ });
    check('a new playlist from the Save menu holds the video', await created.isChecked());
    await shot(page, 'save-menu');
    await page.keyboard.press('Escape');

    for (const id of ids.slice(1)) {
      await page.goto(`${baseUrl}/watch/${id}`);
      dialog = await openSaveMenu(page);
      const box = dialog.getByRole('checkbox', { name: /Building a bench/ });
      const saved = page.waitForResponse(
        (response) => response.url().includes('/items') && response.request().method() === 'POST',
      );
      await box.check();
      check(`the Save menu ticks at once (${id})`, await box.isChecked());
      check(`the add is accepted (${id})`, (await saved).status() === 201);
      await page.keyboard.press('Escape');
    }

    // My playlists, then the playlist's page.
    await page.goto(`${baseUrl}/playlists`);
    await page.getByRole('heading', { name: 'Your playlists' }).waitFor();
    await page.getByRole('link', { name: 'Watch later' }).waitFor();
    check(
      '/playlists lists Watch later first',
      (await page.getByRole('list', { name: 'Playlists' }).getByRole('link').first().innerText()) === 'Watch later',
    );
    await page.getByRole('link', { name: 'Building a bench' }).click();
    await page.getByRole('heading', { level: 1, name: 'Building a bench' }).waitFor();
    const list = page.getByRole('list', { name: 'Videos of Building a bench' });
    await list.getByRole('listitem').nth(2).waitFor();
    const order = async () =>
      (await list.getByRole('listitem').allInnerTexts()).map((t) => TITLES.find((x) => t.includes(x)));
    check(
      'the playlist page shows the three videos in the order saved',
      (await order()).join('|') === TITLES.join('|'),
    );
    await shot(page, 'page');
    await checkAccessibility(page, 'playlist page');

    // Reorder with the keyboard: first one down, then back up.
    const moved = page.waitForResponse((response) => response.url().endsWith('/move'));
    await page.getByRole('button', { name: `Move down: ${TITLES[0]}` }).focus();
    await page.keyboard.press('Enter');
    check('Move down is accepted', (await moved).ok());
    check('Move down reorders the list', (await order()).join('|') === [TITLES[1], TITLES[0], TITLES[2]].join('|'));
    const movedBack = page.waitForResponse((response) => response.url().endsWith('/move'));
    await page.getByRole('button', { name: `Move up: ${TITLES[0]}` }).click();
    await movedBack;
    await page.reload();
    await list.getByRole('listitem').nth(2).waitFor();
    check('the order survives a reload', (await order()).join('|') === TITLES.join('|'));

    // Play all → the panel → Next → autoplay at the end. Autoplay starts off (the switch is remembered per browser),
    // so the 3 s clips do not run ahead of the checks; it is switched on for the last step.
    await page.evaluate(() => {
      window.localStorage.setItem('kinora.playlistAutoplay', 'off');
    });
    await page.getByRole('link', { name: 'Play all' }).click();
    await page.waitForURL(`**/watch/${ids[0]}?list=*`);
    const panel = page.getByRole('region', { name: 'Building a bench' });
    await panel.getByText(/1 \/ 3/).waitFor();
    check(
      'the panel marks the first video as current',
      (await panel.locator('[aria-current="true"]').innerText()).includes(TITLES[0]),
    );
    await shot(page, 'panel');
    await checkAccessibility(page, 'watch page with a playlist');

    await panel.getByRole('link', { name: 'Next' }).click();
    await page.waitForURL(`**/watch/${ids[1]}?list=*`);
    await panel.getByText(/2 \/ 3/).waitFor();
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, null, {
      timeout: 60_000,
    });
    check('Next opens the second video and it starts by itself', await isPlaying(page));
    await page.waitForFunction(() => document.querySelector('video')?.ended === true, null, { timeout: 60_000 });
    check('with autoplay off, the end of a video stays on it', page.url().includes(ids[1]));

    // Autoplay on, play it again: at its end the third one opens and plays.
    await panel.getByRole('switch', { name: 'Autoplay next' }).check();
    await page.locator('video').evaluate((video) => video.play());
    await page.waitForURL(`**/watch/${ids[2]}?list=*`, { timeout: 60_000 });
    await panel.getByText(/3 \/ 3/).waitFor();
    check('at the end of a video, autoplay opens the next one', true);
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, null, {
      timeout: 60_000,
    });
    check('the next video starts by itself', await isPlaying(page));
    await shot(page, 'autoplay-next');

    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(page.url().replace(ids[2], ids[0]));
    const phonePanel = phone.getByRole('region', { name: 'Building a bench' });
    await phonePanel.waitFor();
    await phonePanel.scrollIntoViewIfNeeded();
    await shot(phone, 'phone');
    // The channel page's Playlists tab, as a visitor: the public playlist with the count of what they can see
    // (one of its three videos went private), never the private playlists.
    const playlistOf = async (title, visibility, videoIds) => {
      const reply = await api.expect(
        201,
        `create ${title}`,
        api.request('POST', '/api/v1/playlists', { cookie: session, body: { title, visibility } }),
      );
      for (const videoId of videoIds) {
        await api.expect(
          201,
          `add to ${title}`,
          api.request('POST', `/api/v1/playlists/${reply.json.data.id}/items`, { cookie: session, body: { videoId } }),
        );
      }
    };
    await playlistOf('Bench tools', 'public', ids);
    await playlistOf('Drafts', 'private', ids.slice(0, 1));
    await api.expect(
      200,
      'make a video private',
      api.request('PATCH', `/api/v1/videos/${ids[2]}`, { cookie: session, body: { visibility: 'private' } }),
    );
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const channelPage = await visitor.newPage();
    channelPage.setDefaultTimeout(TIMEOUT_MS);
    channelPage.on('pageerror', (error) => errors.push(error.message));
    await channelPage.goto(`${baseUrl}/c/${handle}`);
    await channelPage.getByRole('tab', { name: 'Videos' }).focus();
    await channelPage.keyboard.press('ArrowRight');
    // The tab is `?tab=playlists`: the router renders the change in a transition, a frame or so after the key.
    const selected = await channelPage
      .getByRole('tab', { name: 'Playlists', selected: true })
      .waitFor({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    check('the arrow key selects the Playlists tab', selected);
    const channelList = channelPage
      .getByRole('tabpanel', { name: 'Playlists' })
      .getByRole('list', { name: 'Playlists of Workshop Films' });
    await channelList.getByRole('listitem').first().waitFor();
    const listed = await channelList.getByRole('listitem').allInnerTexts();
    check(
      'the channel page lists the public playlist, not the private ones',
      listed.length === 1 && listed[0].includes('Bench tools'),
      listed.join(' / '),
    );
    check('its count is what a visitor can see', listed[0]?.includes('2 videos') === true, listed[0]);
    await shot(channelPage, 'channel-tab');
    await checkAccessibility(channelPage, 'channel page, Playlists tab');
    await visitor.close();
    check('no page errors', errors.length === 0, errors.join('; '));
  } finally {
    await browser.close();
  }
}

await runJourney('playlists', journey, screenshotsDir);
