// Development only: screenshots of the search page (light + dark) against a stand-in API that answers the contract's
// search routes with sample cards, for the README and reviews. Not part of the test command.
//   npm run build && node scripts/screenshot-search.mjs <out-dir>
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';
import { launchChromium } from './lib/journey.mjs';

const outDir = process.argv[2] ?? '../docs/screenshots';
mkdirSync(outDir, { recursive: true });
const hues = [12, 48, 96, 150, 200, 248, 290, 330];
const titles = [
  ['Origami crane in five minutes', 'Crafts', 290, 18_400],
  ['Origami boat that really floats', 'Crafts', 612, 3_210],
  ['Modular origami: a 30-unit ball', 'Crafts', 1_530, 951],
  ['Origami for beginners — the square base', 'Education', 205, 120_000],
  ['Folding an origami dragon (advanced)', 'Crafts', 2_710, 44_000],
  ['Paper engineering vs origami', 'Education', 840, 7_700],
  ['Wet-folding origami animals', 'Crafts', 1_020, 2_050],
  ['Origami stars for the holidays', 'Crafts', 180, 66_300],
];
const cards = titles.map(([title, category, duration, views], index) => ({
  video: {
    id: `vid${String(index).padStart(8, '0')}`,
    channelId: 'ch_paperfold',
    title,
    description: '',
    tags: ['origami'],
    categories: [category],
    visibility: 'public',
    status: 'ready',
    resolutions: ['720p', '360p'],
    durationSeconds: duration,
    thumbnailUrl: `/media/vid${String(index).padStart(8, '0')}/thumbnail.svg`,
    viewCount: views,
    likeCount: 0,
    dislikeCount: 0,
    commentCount: 0,
    publishedAt: new Date(Date.now() - (index + 1) * 86_400_000 * 3).toISOString(),
    createdAt: new Date(Date.now() - (index + 1) * 86_400_000 * 3).toISOString(),
  },
  channel: {
    id: 'ch_paperfold',
    handle: 'paperfold',
    name: index % 2 ? 'Paper Fold' : 'Kami Studio',
    subscriberCount: 1200,
  },
}));

const api = createServer((request, response) => {
  const url = new URL(request.url, 'http://stub');
  const send = (status, body, type = 'application/json') => {
    response.writeHead(status, { 'Content-Type': type });
    response.end(type === 'application/json' ? JSON.stringify(body) : body);
  };
  if (url.pathname === '/api/v1/health') {
    send(200, { data: { status: 'ok', service: 'kinora-stub', version: 'dev', time: new Date().toISOString() } });
  } else if (url.pathname === '/api/v1/auth/me') {
    send(401, { message: 'Unauthorized' });
  } else if (url.pathname === '/api/v1/search') {
    const duration = url.searchParams.get('duration');
    const shown = cards.filter((card) => duration !== 'short' || card.video.durationSeconds < 240);
    send(200, { data: shown, meta: {} });
  } else if (url.pathname === '/api/v1/search/suggestions') {
    send(200, {
      data: titles
        .map(([title]) => title)
        .filter((t) => t.toLowerCase().startsWith('origami'))
        .slice(0, 5),
    });
  } else if (url.pathname.startsWith('/media/')) {
    const hue = hues[Number(url.pathname.slice(10, 18)) % hues.length];
    send(
      200,
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 62%)"/><stop offset="1" stop-color="hsl(${hue + 40} 60% 38%)"/></linearGradient></defs><rect width="320" height="180" fill="url(#g)"/><path d="M160 40 220 130H100z" fill="rgba(255,255,255,.55)"/></svg>`,
      'image/svg+xml',
    );
  } else {
    send(404, { error: { code: 'NOT_FOUND', message: 'not in the stub' } });
  }
});
await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
process.env.KINORA_API_URL = `http://127.0.0.1:${api.address().port}`;
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');

const browser = await launchChromium();
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
  await page.goto(`${base}/search?q=origami&sort=views`);
  await page
    .getByRole('heading', { name: 'Origami stars for the holidays' })
    .waitFor({ timeout: 15_000 })
    .catch(async (error) => {
      console.log(await page.locator('main').innerText());
      throw error;
    });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/search-results${scheme === 'dark' ? '-dark' : ''}.png` });
  const box = page.getByRole('combobox', { name: 'Search videos' });
  await box.fill('');
  await box.type('origami');
  await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: `${outDir}/search-suggestions${scheme === 'dark' ? '-dark' : ''}.png` });
  await page.close();
}
await browser.close();
api.close();
await server.close();
console.log(`screenshots in ${outDir}`);
