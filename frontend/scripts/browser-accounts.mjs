// `npm run test:browser` (second part): the accounts journey against the real local cloud (KINORA_URL).
//   /upload signed out → /signin?next=/upload → sign-up with a fresh user → back on /upload → sign out through the
//   user menu → sign in → back on /upload. Screenshots: test-results/signup.png, signin.png, signed-in-menu.png.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
const TIMEOUT_MS = 20_000;
const NEXT_UPLOAD = /\/signin\?next=%2Fupload$/;

let current;

/** Waits for `url`, or fails with the form's message (e.g. the per-IP RATE_LIMITED of repeated runs). */
async function submitAndWaitFor(page, button, url) {
  await button.click();
  const refused = page
    .getByRole('main')
    .getByRole('alert')
    .waitFor()
    .then(async () => {
      throw new Error(`form refused: ${(await page.getByRole('main').getByRole('alert').textContent()) ?? ''}`);
    });
  refused.catch(() => undefined);
  await Promise.race([page.waitForURL(url), refused]);
}

async function main() {
  await mkdir(resultsDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    current = page;
    if (process.env.DEBUG_API) {
      page.on('response', (response) => {
        if (response.url().includes('/api/'))
          console.log('  ', response.request().method(), response.url(), response.status());
      });
      page.on('framenavigated', (frame) => console.log('   nav', frame.url()));
    }
    page.setDefaultTimeout(TIMEOUT_MS);
    const consoleErrors = [];
    page.on('console', (message) => {
      // A visitor's GET /auth/me answers 401 by design ("signed out"); Chromium logs every failed resource load.
      const visitorMe = message.location().url.endsWith('/api/v1/auth/me') && /status of 401/.test(message.text());
      if (message.type() === 'error' && !visitorMe) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const suffix = randomBytes(4).toString('hex');
    const user = {
      name: `Test Viewer ${suffix}`,
      handle: `viewer_${suffix}`,
      email: `viewer-${suffix}@example.com`,
      password: `kinora-${randomBytes(9).toString('base64url')}`,
    };

    await page.goto(`${baseUrl}/upload`, { waitUntil: 'domcontentloaded' });
    await page.waitForURL(NEXT_UPLOAD);
    check('signed out: /upload sends to /signin?next=/upload', true);

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/signup\?next=%2Fupload$/);
    await page.getByLabel('Channel name').fill(user.name);
    await page.getByLabel('Handle').fill(user.handle);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').focus();
    const flagged = await page
      .getByText('Enter an email address like name@example.com.')
      .waitFor()
      .then(() => true)
      .catch(() => false);
    check('sign-up: invalid email flagged on blur', flagged);
    await page.screenshot({ path: path.join(resultsDir, 'signup.png') });
    await checkAccessibility(page, 'sign-up (with a field error)');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await submitAndWaitFor(page, page.getByRole('button', { name: 'Create account' }), /\/upload$/);
    await page.getByRole('heading', { level: 1, name: 'Upload' }).waitFor();
    check('sign-up: lands back on /upload', true);

    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'kinora_session');
    check(
      'sign-up: the Secure HttpOnly session cookie is kept on this origin',
      session !== undefined && session.httpOnly && session.secure,
      session ? `secure=${String(session.secure)} httpOnly=${String(session.httpOnly)}` : 'no kinora_session cookie',
    );

    const menuButton = page.getByRole('button', { name: new RegExp(user.name) });
    await menuButton.click();
    const menu = page.getByRole('menu', { name: 'Account' });
    await menu.waitFor();
    const channelHref = await menu.getByRole('menuitem', { name: 'Your channel' }).getAttribute('href');
    check('user menu: links to the channel', channelHref === `/c/${user.handle}`, String(channelHref));
    await page.screenshot({ path: path.join(resultsDir, 'signed-in-menu.png') });
    await checkAccessibility(page, 'upload page with the account menu open');
    await page.keyboard.press('Escape');
    const focusReturned = await menuButton.evaluate((element) => element === element.ownerDocument.activeElement);
    check('user menu: Escape closes it and focus returns', focusReturned && !(await menu.isVisible()));

    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    check('sign out: home, header says Sign in', true);

    await page.goto(`${baseUrl}/upload`, { waitUntil: 'domcontentloaded' });
    await page.waitForURL(NEXT_UPLOAD);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.screenshot({ path: path.join(resultsDir, 'signin.png') });
    await checkAccessibility(page, 'sign-in');
    await submitAndWaitFor(page, page.getByRole('main').getByRole('button', { name: 'Sign in' }), /\/upload$/);
    await page.getByRole('heading', { level: 1, name: 'Upload' }).waitFor();
    await page.getByRole('button', { name: new RegExp(user.name) }).waitFor();
    check('sign in: lands back on /upload, signed in', true);

    check('accounts: no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
    await context.close();
  } catch (error) {
    await current?.screenshot({ path: path.join(resultsDir, 'accounts-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

await runJourney('accounts journey', main, resultsDir);
