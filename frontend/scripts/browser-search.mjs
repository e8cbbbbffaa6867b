// `npm run test:browser`: finding a video on the real local cloud. Two public clips of one channel go through the
// real upload → transcode → stream-fed indexer; then, in the browser: a typo in the header search box ("lighthuose")
// still finds the lighthouse clip, the "Over 20 minutes" chip empties the results and "Under 4 minutes" brings them
// back, the result opens the watch page, and its "Up next" lists the channel's other clip.
// Screenshots: docs/screenshots/search-live-results.png, search-live-watch.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const LOCAL_ADDRESS = '127.0.0.81';
const TIMEOUT_MS = 30_000;
/** The index follows the table by the indexer's batch window plus the search function's refresh interval. */
const INDEXED_MS = 60_000;

async function main() {
  await mkdir(screenshotsDir, { recursive: true });
  const api = apiClient(LOCAL_ADDRESS);
  const { session } = await api.signUp('coast', 'Coastal Films');
  const clip = testClip('search-fixture.mp4', { width: 640, height: 360, seconds: 6, tone: 392 });
  const lighthouse = await api.upload(session, clip, {
    title: 'Lighthouse at dusk',
    description: 'The beam sweeping over the harbour.',
    tags: ['coast', 'lighthouse'],
    categories: ['Travel'],
    visibility: 'public',
  });
  const harbour = await api.upload(session, clip, {
    title: 'Harbour morning',
    description: 'Boats leaving at first light.',
    tags: ['coast', 'boats'],
    categories: ['Travel'],
    visibility: 'public',
  });
  await api.waitUntilReady(session, lighthouse);
  await api.waitUntilReady(session, harbour);

  // Wait until the index has caught up (the API, not the page: the page is what is tested below).
  const started = Date.now();
  for (;;) {
    const reply = await api.request('GET', '/api/v1/search?q=lighthouse');
    if (reply.json?.data?.some((card) => card.video.id === lighthouse)) break;
    if (Date.now() - started > INDEXED_MS) throw new Error('the lighthouse clip never reached the search index');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    const box = page.getByRole('combobox', { name: 'Search videos' });
    await box.fill('lighthuose');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=lighthuose/);
    const results = page.getByRole('list', { name: 'Results for lighthuose' });
    await results.getByRole('link', { name: 'Lighthouse at dusk' }).waitFor();
    check('a typo in the search box still finds the video', true);

    await page.getByRole('group', { name: 'Duration' }).getByRole('button', { name: 'Over 20 minutes' }).click();
    await page.getByText('No videos match').waitFor();
    await page.getByRole('group', { name: 'Duration' }).getByRole('button', { name: 'Under 4 minutes' }).click();
    await results.getByRole('link', { name: 'Lighthouse at dusk' }).waitFor();
    check(
      'the duration chips narrow the results (over 20 minutes: none; under 4: the clip)',
      page.url().includes('duration=short'),
      page.url(),
    );
    await page.screenshot({ path: path.join(screenshotsDir, 'search-live-results.png') });
    await checkAccessibility(page, 'search results with a filter');

    await results.getByRole('link', { name: 'Lighthouse at dusk' }).click();
    await page.waitForURL(new RegExp(`/watch/${lighthouse}$`));
    const upNext = page.getByRole('complementary', { name: 'Up next' });
    await upNext.getByRole('link', { name: 'Harbour morning' }).waitFor();
    const itself = await upNext.getByRole('link', { name: 'Lighthouse at dusk' }).count();
    check('the result opens; Up next lists the channel’s other clip, not the video itself', itself === 0);
    await page.screenshot({ path: path.join(screenshotsDir, 'search-live-watch.png') });
  } finally {
    await browser.close();
  }
}

await runJourney('search journey', main, screenshotsDir);
