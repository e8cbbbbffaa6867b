// `npm run test:browser`: another site embeds a Kinora video. A page on a different origin (http://localhost:<port>,
// another site than 127.0.0.1) asks GET /api/v1/oembed for a public video's link and puts the returned iframe on
// itself: the embed player loads and plays inside it, without the app's header. The same page framing the watch
// page gets nothing (frame-ancestors 'none'), and a private video's embed says it can't be embedded.
// Screenshot: docs/screenshots/embed-on-another-site.png.
/* global document -- read inside frame.evaluate, in the browser */
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient } from './lib/api.mjs';
import { testClip } from './lib/clips.mjs';
import { baseUrl, check, launchChromium, runJourney } from './lib/journey.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshotsDir = path.resolve(here, '../../docs/screenshots');
const LOCAL_ADDRESS = '127.0.0.84';
const TIMEOUT_MS = 30_000;

/** A one-page "blog" on another origin, serving whatever HTML it is given. */
async function otherSite(html) {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html());
  });
  await new Promise((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://localhost:${String(port)}/`, close: () => server.close() };
}

async function main() {
  await mkdir(screenshotsDir, { recursive: true });
  const api = apiClient(LOCAL_ADDRESS);
  const { session } = await api.signUp('embed', 'Embed Films');
  const clip = testClip('embed-fixture.mp4', { width: 640, height: 360, seconds: 8, tone: 660 });
  const publicId = await api.upload(session, clip, { title: 'Seen on another site', visibility: 'public' });
  const privateId = await api.upload(session, clip, { title: 'Not for embedding', visibility: 'private' });
  await api.waitUntilReady(session, publicId);
  await api.waitUntilReady(session, privateId);

  const watchUrl = `${baseUrl}/watch/${publicId}`;
  const oembed = await api.request('GET', `/api/v1/oembed?url=${encodeURIComponent(watchUrl)}&maxwidth=560`);
  check('oEmbed answers an iframe for the public video', oembed.status === 200, `HTTP ${String(oembed.status)}`);
  let body = '';
  const site = await otherSite(() => body);
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    page.setDefaultTimeout(TIMEOUT_MS);

    body = `<!doctype html><html lang="en"><title>A blog</title><h1>My favourite clip</h1>${String(oembed.json.html)}`;
    await page.goto(site.url);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('link', { name: /Seen on another site/ }).waitFor();
    await page
      .frames()
      .find((f) => f.url().includes('/embed/'))
      ?.evaluate(() => {
        const video = document.querySelector('video');
        if (!video) return undefined;
        video.muted = true;
        return video.play();
      });
    const embedded = page.frames().find((f) => f.url().includes('/embed/'));
    await embedded?.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1);
    const chrome = await frame.getByRole('banner').count();
    check('the embed plays inside another site, without the app header', chrome === 0, embedded?.url() ?? 'no frame');
    await page.screenshot({ path: path.join(screenshotsDir, 'embed-on-another-site.png') });

    body = `<!doctype html><html lang="en"><title>A blog</title><iframe src="${watchUrl}" width="560" height="315"></iframe>`;
    await page.goto(site.url);
    await page.waitForTimeout(2000);
    const watchFramed = await frame.getByRole('heading', { name: 'Seen on another site' }).count();
    check('the watch page refuses to be framed by another site', watchFramed === 0);

    body = `<!doctype html><html lang="en"><title>A blog</title><iframe src="${baseUrl}/embed/${privateId}" width="560" height="315"></iframe>`;
    await page.goto(site.url);
    await frame.getByText(/isn't available|can't be embedded/).waitFor();
    check("a private video's embed shows that it is not available", true);
  } finally {
    await browser.close();
    site.close();
  }
}

await runJourney('embed journey', main, screenshotsDir);
