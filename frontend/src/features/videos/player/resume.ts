import { limits } from '../../../contract/generated/limits.gen';

/**
 * Where playback starts: the saved position, unless there is none or the viewer had finished — within the last
 * `watchProgress.resumeTailSeconds` or `resumeTailFraction` of the video, whichever is shorter (so half of a short
 * clip still resumes, and a long film's credits do not swallow minutes) — when starting over is what they want.
 */
export function startPosition(resumeAt: number | undefined, durationSeconds: number | undefined): number {
  if (resumeAt === undefined || !Number.isFinite(resumeAt) || resumeAt <= 0) return 0;
  if (durationSeconds === undefined || durationSeconds <= 0) return resumeAt;
  const tail = Math.min(
    limits.watchProgress.resumeTailSeconds,
    durationSeconds * limits.watchProgress.resumeTailFraction,
  );
  return durationSeconds - resumeAt <= tail ? 0 : resumeAt;
}

/** Seconds a page view must play before it counts as a view (DESIGN §5; the server applies the same rule). */
export function viewThresholdSeconds(durationSeconds: number | undefined): number {
  const { minWatchSeconds, minWatchFraction } = limits.view;
  return durationSeconds === undefined || durationSeconds <= 0
    ? minWatchSeconds
    : Math.min(minWatchSeconds, minWatchFraction * durationSeconds);
}

const START_PARAM = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/;

/**
 * A shared link's start time: `?t=90`, `?t=90s` or `?t=1h2m3s` (YouTube's forms) → seconds; anything else, zero or
 * nothing → undefined, so a broken link still plays from the resume position.
 */
export function parseStartParam(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = START_PARAM.exec(value.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > 0 ? total : undefined;
}

/** The next playback rate `steps` away from `current` in `player.playbackRates`, held at either end. */
export function nextPlaybackRate(current: number, steps: number): number {
  const rates = limits.player.playbackRates;
  const index = rates.findIndex((rate) => rate >= current);
  const from = index === -1 ? rates.length - 1 : index;
  return rates[Math.min(rates.length - 1, Math.max(0, from + steps))] ?? 1;
}
