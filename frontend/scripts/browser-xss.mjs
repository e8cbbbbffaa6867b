// `npm run test:browser` (XSS part): every text a user can write, filled with markup and script payloads through
// the real API, then shown by the SPA on every page that renders it — watch page (title, description, tags, channel
// name, comments and replies), channel page (name, description), search results (title, and the query itself echoed
// back from the URL), home, the notifications page (the video title) and the subscriptions list (channel name). Each
// page must show the payload as literal text, run none of it (no `window.__xss`, no dialog, no injected element) and
// link nothing to a `javascript:` URL. Screenshot: docs/screenshots/xss-watch.png.
/* global window, document -- read inside page.evaluate, in the browser */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, signInContext } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
/** Sign-up is rate limited per source IP: this journey's accounts come from a loopback address of its own. */
const LOCAL_ADDRESS = '127.0.0.90';
const TIMEOUT_MS = 30_000;
const INDEXED_MS = 180_000;

/** Each payload tries another way in; the marker names it when one gets through. */
const IMG = `<img src=x onerror="window.__xss='img'">`;
const SCRIPT = `<script>window.__xss='script'</script>`;
const SVG = `"><svg onload="window.__xss='svg'">`;
const LINK = `javascript:window.__xss='link'`;
const TAG = `<b onmouseover=alert(1)>tag</b>`;

async function main() {
  await mkdir(screenshotsDir, { recursive: true });
  const api = apiClient(LOCAL_ADDRESS);
  const author = await api.signUp('xss', `Chan ${SVG}`);
  const viewer = await api.signUp('xssfan', 'Viewer');
  await api.expect(
    200,
    'channel edit',
    api.request('PATCH', '/api/v1/channels/me', {
      cookie: author.session,
      body: { description: `About ${SCRIPT} ${LINK}` },
    }),
  );
  const subscribed = await api.request('PUT', `/api/v1/channels/${String(author.me.channel.id)}/subscription`, {
    cookie: viewer.session,
    body: { notify: 'all' },
  });
  if (subscribed.status >= 300) throw new Error(`subscribe: ${String(subscribed.status)} ${subscribed.text}`);

  const clip = testClip('xss-fixture.mp4', { width: 640, height: 360, seconds: 4, tone: 700 });
  const title = `Xsstitle ${IMG}`;
  const videoId = await api.upload(author.session, clip, {
    title,
    description: `Desc ${SCRIPT} ${LINK} and <a href="javascript:window.__xss='a'">a link</a>`,
    tags: [TAG],
    visibility: 'public',
  });
  await api.waitUntilReady(author.session, videoId);
  const comment = await api.expect(
    201,
    'comment',
    api.request('POST', `/api/v1/videos/${videoId}/comments`, {
      cookie: author.session,
      body: { text: `Comment ${IMG} ${LINK}` },
    }),
  );
  await api.expect(
    201,
    'reply',
    api.request('POST', `/api/v1/videos/${videoId}/comments`, {
      cookie: author.session,
      body: { text: `Reply ${SVG}`, parentId: comment.json.data.id },
    }),
  );
  // search indexing is asynchronous (and the search function's first start slow on a busy machine): wait until
  // the index knows the video, so the search pages below are about rendering, not about timing
  const indexedBy = Date.now() + INDEXED_MS;
  for (;;) {
    const found = await api.request('GET', `/api/v1/search?q=Xsstitle`);
    if (found.json?.data?.some((card) => card.video.id === videoId)) break;
    if (Date.now() > indexedBy) throw new Error(`the search index never found the video: ${found.text}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await signInContext(context, viewer.session);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    /** Opens `url`, waits for `literal` to be on the page as text, then looks for anything that ran. */
    async function inspect(what, url, literal, before = async () => {}) {
      await page.goto(`${baseUrl}${url}`);
      await before();
      // in the page's main content: the header's search suggestions may hold the same words, hidden
      const shown = await page
        .getByRole('main')
        .getByText(literal, { exact: false })
        .first()
        .waitFor()
        .then(() => true)
        .catch(() => false);
      const ran = await page.evaluate(() => ({
        marker: window.__xss ?? null,
        injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]):not([type])').length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
          a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript:'),
        ).length,
      }));
      const clean = ran.marker === null && ran.injected === 0 && ran.jsLinks === 0 && dialogs.length === 0;
      check(
        `${what}: the payload is shown as text and nothing of it runs`,
        shown && clean,
        `shown ${String(shown)}, marker ${String(ran.marker)}, injected elements ${String(ran.injected)}, ` +
          `javascript: links ${String(ran.jsLinks)}, dialogs ${String(dialogs.length)}`,
      );
    }

    await inspect('watch page title and channel name', `/watch/${videoId}`, 'Xsstitle <img');
    await inspect('watch page description', `/watch/${videoId}`, 'Desc <script>');
    await inspect('watch page tags', `/watch/${videoId}`, '<b onmouseover');
    await inspect('comment', `/watch/${videoId}`, 'Comment <img');
    await inspect('reply', `/watch/${videoId}`, 'Reply "><svg', async () => {
      await page.getByRole('button', { name: 'Show 1 reply' }).click();
    });
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header is drawn where the page was scrolled
    await page.screenshot({ path: path.join(screenshotsDir, 'xss-watch.png'), fullPage: true });
    await inspect('channel page name and description', `/c/${author.handle}`, 'About <script>');
    await inspect('search results', `/search?q=Xsstitle`, 'Xsstitle <img');
    await inspect('search query echoed from the URL', `/search?q=${encodeURIComponent(IMG)}`, IMG);
    await inspect('home', '/', 'Chan "><svg');
    await inspect('notifications page', '/notifications', 'Xsstitle <img');
    await inspect('subscriptions page', '/subscriptions', 'Chan "><svg');
  } finally {
    await browser.close();
  }
}

await runJourney('xss', main, screenshotsDir);
