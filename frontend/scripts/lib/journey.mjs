// What every browser journey (`npm run test:browser`, frontend/scripts/browser-*.mjs) shares: where the app
// runs, how Chromium starts on these machines, the list of checks, and the summary that sets the exit code.
//   KINORA_URL (default http://127.0.0.1:8080), CHROMIUM_PATH (default /usr/bin/chromium)
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const baseUrl = (process.env.KINORA_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. Without the background-networking flags it keeps dialling Google's hosts,
 * which this machine's closed network refuses many at a time.
 */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

const checks = [];

// A wait a journey starts before its action (page.waitForResponse, then a click) is left pending when that action
// throws, and rejects once the browser closes: a failed check, not a crash that would hide the action's own error.
process.on('unhandledRejection', (reason) => {
  check('no pending wait failed', false, reason instanceof Error ? reason.message.split('\n')[0] : String(reason));
});

/** Records one check and prints it at once, so a hanging journey still shows how far it got. */
export function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

/** Runs the journey; an exception is one more failed check. Prints the summary and sets the exit code. */
export async function runJourney(name, journey, screenshotsDir) {
  try {
    await journey();
  } catch (error) {
    check(`${name} ran to the end`, false, error instanceof Error ? error.message : String(error));
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (screenshotsDir) console.log(`screenshots: ${screenshotsDir}`);
  process.exitCode = failed === 0 ? 0 : 1;
}

/** The WCAG 2.1 A/AA rule set; "serious" and "critical" are what keeps someone from using the page at all. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** An axe-core scan of what the page shows now, as one check: zero serious or critical violations. */
export async function checkAccessibility(page, name) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  const detail = blocking
    .map((v) => `${v.id} ×${v.nodes.length} (${v.nodes[0]?.target.join(' ') ?? '?'}): ${v.help}`)
    .join('; ');
  check(
    `${name}: no serious or critical accessibility violations (axe, ${results.passes.length} rules passed)`,
    blocking.length === 0,
    detail,
  );
}
