import { limits } from '../../../contract/generated/limits.gen';
import { viewThresholdSeconds } from './resume';

export interface PlaybackPorts {
  /** Saves the position (signed-in viewers only); `keepalive` when the page may be going away. */
  saveProgress(position: number, duration: number, keepalive: boolean): Promise<unknown>;
  recordView(watchedSeconds: number): Promise<unknown>;
}

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface Position {
  position: number;
  duration: number;
}

/** A time update further from the previous one than this is a seek, not playback. */
const MAX_PLAYED_STEP_SECONDS = 2;

/**
 * The player's bookkeeping, free of the DOM so it can be tested with fake timers: progress is saved every
 * `watchProgress.saveIntervalSeconds` while playing, at once on pause, with `keepalive` when the page is hidden
 * or left, and on unmount; time actually played (seeks excluded) is summed, and once it reaches the view rule's
 * threshold the progress is saved first (the server checks the declared time against it) and one view recorded.
 */
export class PlaybackTracker {
  private timer: unknown = null;
  private played = 0;
  private lastTime: number | null = null;
  private viewSent = false;
  private lastSaved: number | null = null;

  private readonly ports: PlaybackPorts;
  private readonly read: () => Position | null;
  private readonly signedIn: boolean;
  private readonly timers: Timers;

  constructor(ports: PlaybackPorts, read: () => Position | null, signedIn: boolean, timers: Timers) {
    this.ports = ports;
    this.read = read;
    this.signedIn = signedIn;
    this.timers = timers;
  }

  /** Seconds played so far in this page view. */
  get playedSeconds(): number {
    return this.played;
  }

  onPlay(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.setInterval(() => {
      this.save(false);
    }, limits.watchProgress.saveIntervalSeconds * 1000);
  }

  onPause(): void {
    this.stopTimer();
    this.save(false);
  }

  onSeeked(): void {
    this.lastTime = null;
  }

  onTimeUpdate(playing: boolean): void {
    const now = this.read();
    if (!now) return;
    if (playing && this.lastTime !== null) {
      const step = now.position - this.lastTime;
      if (step > 0 && step <= MAX_PLAYED_STEP_SECONDS) this.played += step;
    }
    this.lastTime = now.position;
    if (!this.viewSent && this.played >= viewThresholdSeconds(now.duration)) {
      this.viewSent = true;
      const watched = this.played;
      void this.saveNow(false)
        .then(() => this.ports.recordView(watched))
        .catch(() => {
          this.viewSent = false; // try again on a later update
        });
    }
  }

  /** The page is hidden (tab switch, app switch) or being unloaded. */
  onHidden(): void {
    this.save(true);
  }

  /** The player goes away (navigation inside the SPA). */
  dispose(): void {
    this.stopTimer();
    this.save(true);
  }

  private stopTimer(): void {
    if (this.timer !== null) {
      this.timers.clearInterval(this.timer);
      this.timer = null;
    }
  }

  private save(keepalive: boolean): void {
    void this.saveNow(keepalive).catch(() => undefined);
  }

  private async saveNow(keepalive: boolean): Promise<void> {
    const now = this.read();
    if (!this.signedIn || !now || !(now.duration > 0)) return;
    const position = Math.min(now.position, now.duration);
    if (this.lastSaved === position) return;
    this.lastSaved = position;
    await this.ports.saveProgress(position, now.duration, keepalive);
  }
}
