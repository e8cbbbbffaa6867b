// `npm run test:browser`: opens the running app in Debian's Chromium and checks the shell end to end.
//   KINORA_URL (default http://127.0.0.1:8080), CHROMIUM_PATH (default /usr/bin/chromium)
// Screenshots go to frontend/test-results/. Exits non-zero on any failure.
/* global document -- read inside page.evaluate, in the browser */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrl, check, checkAccessibility, launchChromium, runJourney } from './lib/journey.mjs';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
const TIMEOUT_MS = 20_000;

async function openHome(browser, name, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    // A visitor's GET /auth/me answers 401 by design ("signed out"); Chromium logs every failed resource load.
    const visitorMe = message.location().url.endsWith('/api/v1/auth/me') && /status of 401/.test(message.text());
    if (message.type() === 'error' && !visitorMe) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  const response = await page.goto(baseUrl, { waitUntil: 'domcontentloaded', timeout: TIMEOUT_MS });
  check(`${name}: page answers`, response?.ok() === true, `HTTP ${response?.status() ?? 'none'}`);

  const header = page.getByRole('banner');
  await header.getByRole('link', { name: 'Kinora' }).waitFor({ timeout: TIMEOUT_MS });
  check(`${name}: header with logo`, true);

  const online = await page
    .getByRole('contentinfo')
    .getByText('API online')
    .waitFor({ timeout: TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  check(`${name}: footer says API online`, online);

  const empty = await page
    .getByText('No videos yet — be the first to upload')
    .waitFor({ timeout: TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  check(`${name}: home shows its feed`, empty);

  return { context, page, consoleErrors };
}

async function main() {
  await mkdir(resultsDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const desktop = await openHome(browser, 'desktop', { viewport: { width: 1280, height: 800 } });
    await desktop.page.screenshot({ path: path.join(resultsDir, 'home-desktop.png') });
    await checkAccessibility(desktop.page, 'home (light)');

    await desktop.page.getByRole('button', { name: 'Dark mode' }).click();
    const dark = await desktop.page.evaluate(() => document.documentElement.dataset.theme === 'dark');
    check('desktop: dark mode toggle', dark);
    await desktop.page.screenshot({ path: path.join(resultsDir, 'home-desktop-dark.png') });
    await checkAccessibility(desktop.page, 'home (dark)');
    await desktop.page.reload();
    await desktop.page.getByRole('contentinfo').getByText('API online').waitFor({ timeout: TIMEOUT_MS });
    const remembered = await desktop.page.evaluate(() => document.documentElement.dataset.theme === 'dark');
    check('desktop: dark mode remembered after reload', remembered);

    await desktop.page.getByRole('searchbox', { name: 'Search videos' }).fill('cats');
    await desktop.page.keyboard.press('Enter');
    await desktop.page.waitForURL(/\/search\?q=cats$/, { timeout: TIMEOUT_MS });
    check('desktop: search submits to /search?q=', true);
    check('desktop: no console errors', desktop.consoleErrors.length === 0, desktop.consoleErrors.join(' | '));
    await desktop.context.close();

    const mobile = await openHome(browser, 'mobile', {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const field = mobile.page.getByRole('searchbox', { name: 'Search videos' });
    check('mobile: search field folded away', !(await field.isVisible()));
    await mobile.page.screenshot({ path: path.join(resultsDir, 'home-mobile.png') });
    await mobile.page.getByRole('button', { name: 'Search', exact: true }).click();
    check('mobile: search button opens the field', await field.isVisible());
    await mobile.page.screenshot({ path: path.join(resultsDir, 'home-mobile-search.png') });
    await checkAccessibility(mobile.page, 'home (mobile, search open)');
    await mobile.page.getByRole('button', { name: 'Close search' }).click();
    check('mobile: close button folds the field', !(await field.isVisible()));
    check('mobile: no console errors', mobile.consoleErrors.length === 0, mobile.consoleErrors.join(' | '));
    await mobile.context.close();
  } finally {
    await browser.close();
  }
}

await runJourney('browser smoke', main, resultsDir);
