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
