// `npm run test:browser` (channel part): edit a channel and upload an avatar against the real local cloud
// (KINORA_URL). A fresh user signs up, opens "Edit channel" from the user menu, is refused a GIF by the picker,
// saves a new name and description, uploads a PNG generated here through the presigned PUT straight to the local
// S3, and sees it in the header, on /c/{handle} and served from /media. Screenshots: test-results/channel-edit.png,
// channel-edit-refused.png, channel-page.png.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
const TIMEOUT_MS = 20_000;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 96×96 RGB PNG: a diagonal gradient with a ring, so the screenshot shows it is the uploaded image. */
function avatarPng(size = 96) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0 (none), then RGB
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x - size / 2, y - size / 2);
      const ring = distance > size * 0.28 && distance < size * 0.36;
      row[1 + x * 3] = ring ? 255 : Math.round((x / size) * 255);
      row[2 + x * 3] = ring ? 255 : 120;
      row[3 + x * 3] = ring ? 255 : Math.round((y / size) * 255);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let current;

async function main() {
  await mkdir(resultsDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    current = page;
    page.setDefaultTimeout(TIMEOUT_MS);
    const consoleErrors = [];
    page.on('console', (message) => {
      const visitorMe = message.location().url.endsWith('/api/v1/auth/me') && /status of 401/.test(message.text());
      if (message.type() === 'error' && !visitorMe) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const suffix = randomBytes(4).toString('hex');
    const user = {
      name: `Channel Owner ${suffix}`,
      handle: `owner_${suffix}`,
      email: `owner-${suffix}@example.com`,
      password: `kinora-${randomBytes(9).toString('base64url')}`,
    };
    await page.goto(`${baseUrl}/signup`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Channel name').fill(user.name);
    await page.getByLabel('Handle').fill(user.handle);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    const menuButton = page.getByRole('button', { name: new RegExp(user.name) });
    await menuButton.waitFor();

    await menuButton.click();
    await page.getByRole('menu', { name: 'Account' }).getByRole('menuitem', { name: 'Edit channel' }).click();
    await page.waitForURL(/\/channel\/edit$/);
    await page.getByRole('heading', { level: 1, name: 'Edit your channel' }).waitFor();
    check('user menu: Edit channel opens /channel/edit', true);

    const picker = page.getByLabel('Choose an image');
    await picker.setInputFiles({ name: 'party.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a....') });
    const refusal = await page.getByRole('region', { name: 'Avatar' }).getByRole('alert').textContent();
    check('avatar picker: a GIF is refused before upload', /JPEG, PNG or WebP/.test(refusal ?? ''), refusal ?? '');
    await page.screenshot({ path: path.join(resultsDir, 'channel-edit-refused.png') });

    const newName = `Workshop ${suffix}`;
    await page.getByLabel('Channel name').fill(newName);
    await page.getByLabel('Description').fill('Lathes, engines and the occasional clock.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: new RegExp(newName) }).waitFor();
    check('channel details: saved, the header shows the new name', true);

    const png = avatarPng();
    await picker.setInputFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: png });
    const preview = await page.getByRole('region', { name: 'Avatar' }).locator('img').getAttribute('src');
    check('avatar picker: previews the picked image', preview?.startsWith('blob:') === true, String(preview));
    const putToStorage = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().includes('/media/avatars/'),
    );
    await page.getByRole('button', { name: 'Upload avatar' }).click();
    const put = await putToStorage;
    check(
      'avatar upload: the browser PUTs straight to storage',
      put.status() === 200 && !put.url().startsWith(baseUrl),
      `${String(put.status())} ${new URL(put.url()).origin}`,
    );
    await page.getByText('Avatar updated.').waitFor();
    const headerAvatar = page
      .getByRole('banner')
      .getByRole('button', { name: new RegExp(newName) })
      .locator('img');
    await headerAvatar.waitFor();
    const avatarSrc = (await headerAvatar.getAttribute('src')) ?? '';
    check('avatar upload: the header shows the avatar from /media', avatarSrc.startsWith('/media/avatars/'), avatarSrc);
    const served = await page.request.get(`${baseUrl}${avatarSrc}`);
    const servedBytes = await served.body();
    check(
      'avatar: /media serves the uploaded bytes as image/png',
      served.status() === 200 && served.headers()['content-type'] === 'image/png' && servedBytes.equals(png),
      `${String(served.status())} ${served.headers()['content-type'] ?? ''} ${String(servedBytes.length)} bytes`,
    );
    await page.screenshot({ path: path.join(resultsDir, 'channel-edit.png') });
    await checkAccessibility(page, 'channel editor');

    await page.goto(`${baseUrl}/c/${user.handle}`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1, name: newName }).waitFor();
    const pageAvatar = page.getByRole('main').locator('header img');
    await pageAvatar.waitFor();
    // the element is there before its bytes are (a loaded machine): wait for the load or the error
    const loaded = await pageAvatar.evaluate((image) =>
      image.complete
        ? image.naturalWidth === 96
        : new Promise((resolve) => {
            image.addEventListener('load', () => resolve(image.naturalWidth === 96));
            image.addEventListener('error', () => resolve(false));
          }),
    );
    const header = page.getByRole('main').locator('header');
    const meta =
      (await header.getByText(`@${user.handle}`, { exact: true }).isVisible()) &&
      (await header.getByText('0 subscribers', { exact: true }).isVisible());
    check('channel page: avatar (loaded), name, handle and subscribers', loaded && meta, `loaded=${String(loaded)}`);
    await page.screenshot({ path: path.join(resultsDir, 'channel-page.png') });
    await checkAccessibility(page, 'channel page');

    check('channel: no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
    await context.close();
  } catch (error) {
    await current?.screenshot({ path: path.join(resultsDir, 'channel-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

await runJourney('channel journey', main, resultsDir);
