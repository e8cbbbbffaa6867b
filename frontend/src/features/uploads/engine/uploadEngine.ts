import { limits } from '../../../contract/generated/limits.gen';
import type {
  UploadInitRequest,
  UploadPartUrls,
  UploadSession,
  Video,
  VideoMetadata,
} from '../../../contract/generated/types.gen';
import { isApiError } from '../../../lib/api/client';
import { abortError, backoffDelay, defaultRetryPolicy, sleep, type RetryPolicy } from './backoff';
import { bytesOfParts, missingParts, partCount, partRange, partSize } from './parts';
import { describeUploadError, type UploadProblem } from './problems';
import { fingerprintOf, type FileFingerprint, type ResumeStore } from './resumeStore';
import { PartUploadError, xhrPartTransport, type PartTransport } from './transport';

/** The uploads API as the engine needs it (features/uploads/api implements it over HTTP; tests fake it). */
export interface UploadApi {
  init(request: UploadInitRequest, signal: AbortSignal): Promise<UploadSession>;
  get(uploadId: string, signal: AbortSignal): Promise<UploadSession>;
  presign(uploadId: string, partNumbers: number[], signal: AbortSignal): Promise<UploadPartUrls>;
  complete(uploadId: string, metadata: VideoMetadata, signal: AbortSignal): Promise<Video>;
  cancel(uploadId: string): Promise<void>;
}

export type UploadPhase =
  /** Starting a session, or looking up the one this file had before a reload. */
  | 'preparing'
  | 'uploading'
  /** RATE_LIMITED: waiting out Retry-After, then going on by itself. */
  | 'waiting'
  | 'paused'
  /** Every part is stored; waiting for the details to be published. */
  | 'uploaded'
  | 'publishing'
  | 'published'
  | 'cancelled'
  | 'failed';

export interface UploadSnapshot {
  phase: UploadPhase;
  fileName: string;
  fileSize: number;
  uploadId: string | undefined;
  videoId: string | undefined;
  /** 0 until the session is known. */
  totalParts: number;
  storedParts: number;
  /** Parts the storage already had when this upload resumed (not sent again). */
  resumedParts: number;
  /** Stored bytes plus the bytes of parts in flight. */
  sentBytes: number;
  /** Over the last few seconds; undefined until there is enough to measure. */
  bytesPerSecond: number | undefined;
  etaSeconds: number | undefined;
  /** The details were submitted; they are published as soon as the last part is stored. */
  publishRequested: boolean;
  video: Video | undefined;
  problem: UploadProblem | undefined;
  notice: string | undefined;
}

export interface UploadEngineOptions {
  api: UploadApi;
  resumeStore: ResumeStore;
  transport?: PartTransport;
  /** Parts in flight at once; limits.upload.parallelParts unless given. */
  parallelParts?: number;
  /** Part numbers per presign request; limits.upload.maxPartsPerPresign unless given. */
  maxPartsPerPresign?: number;
  retryPolicy?: RetryPolicy;
  random?: () => number;
  now?: () => number;
}

/** A URL is replaced this long before its expiry: a 5 MiB part on a slow link can take about that long to send. */
export const URL_EXPIRY_MARGIN_MS = 60_000;
/** Speed is measured over this window, so a bar does not jump with every progress event. */
const SPEED_WINDOW_MS = 5_000;
const MIN_SPEED_SPAN_MS = 500;

const ACTIVE_PHASES: readonly UploadPhase[] = ['preparing', 'uploading', 'waiting'];
const CANCELLABLE_PHASES: readonly UploadPhase[] = [...ACTIVE_PHASES, 'paused', 'uploaded'];
/** Error codes meaning the server-side session is gone for good: the remembered upload id is useless. */
const DEAD_SESSION_CODES: readonly string[] = ['UPLOAD_EXPIRED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];

interface PartUrl {
  url: string;
  expiresAt: number;
}

/**
 * Uploads one file straight to the storage as a resumable multipart upload (DESIGN §5): init (or resume what the
 * storage already has) → presigned part URLs in batches, on demand → `parallelParts` PUTs in flight, each retried
 * with exponential backoff and full jitter, URLs refreshed when expired → complete with the details. Plain
 * TypeScript with injected API, transport, storage and clock, so every path is unit-tested without a browser.
 */
export class UploadEngine {
  private readonly file: File;
  private readonly request: UploadInitRequest;
  private readonly fingerprint: FileFingerprint;
  private readonly api: UploadApi;
  private readonly resumeStore: ResumeStore;
  private readonly transport: PartTransport;
  private readonly parallelParts: number;
  private readonly maxPartsPerPresign: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly random: () => number;
  private readonly now: () => number;

  private snapshot: UploadSnapshot;
  private readonly listeners = new Set<() => void>();

  private session: UploadSession | undefined;
  private readonly stored = new Set<number>();
  private storedBytes = 0;
  private readonly inFlight = new Map<number, number>();
  private readonly urls = new Map<number, PartUrl>();
  private queue: number[] = [];
  private presigning: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private metadata: VideoMetadata | undefined;
  private resentMissingParts = false;
  /** Bytes handed to the network, retries included: what the speed is measured on. */
  private transferred = 0;
  private samples: { at: number; bytes: number }[] = [];

  constructor(file: File, request: UploadInitRequest, options: UploadEngineOptions) {
    this.file = file;
    this.request = request;
    this.fingerprint = fingerprintOf(file);
    this.api = options.api;
    this.resumeStore = options.resumeStore;
    this.transport = options.transport ?? xhrPartTransport;
    this.parallelParts = options.parallelParts ?? limits.upload.parallelParts;
    this.maxPartsPerPresign = options.maxPartsPerPresign ?? limits.upload.maxPartsPerPresign;
    this.retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.snapshot = {
      phase: 'preparing',
      fileName: file.name,
      fileSize: file.size,
      uploadId: undefined,
      videoId: undefined,
      totalParts: 0,
      storedParts: 0,
      resumedParts: 0,
      sentBytes: 0,
      bytesPerSecond: undefined,
      etaSeconds: undefined,
      publishRequested: false,
      video: undefined,
      problem: undefined,
      notice: undefined,
    };
  }

  // ------------------------------------------------------------------------------------------------ observing

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** An immutable value that changes identity whenever anything visible changes (for useSyncExternalStore). */
  getSnapshot = (): UploadSnapshot => this.snapshot;

  // ------------------------------------------------------------------------------------------------ commands

  /** Starts (or resumes a remembered session of the same file). Resolves when this run stops, for any reason. */
  start(): Promise<void> {
    return this.run();
  }

  /** Aborts the parts in flight; what is stored stays stored. */
  pause(): void {
    if (!ACTIVE_PHASES.includes(this.snapshot.phase)) return;
    this.controller?.abort();
    this.stopMeasuring();
    this.set({ phase: 'paused', problem: undefined });
  }

  resume(): Promise<void> {
    if (this.snapshot.phase !== 'paused') return this.running ?? Promise.resolve();
    return this.run();
  }

  /** Stops for good: aborts the parts in flight and the multipart upload (the storage deletes its parts). */
  async cancel(): Promise<void> {
    if (!CANCELLABLE_PHASES.includes(this.snapshot.phase)) return;
    this.controller?.abort();
    this.metadata = undefined;
    this.stopMeasuring();
    this.set({ phase: 'cancelled', publishRequested: false, problem: undefined, notice: undefined });
    this.resumeStore.remove(this.fingerprint);
    if (this.session) await this.cancelOnServer(this.session.id);
  }

  /** Publishes with these details once every part is stored (at once if they already are). */
  publish(metadata: VideoMetadata): Promise<void> {
    if (!CANCELLABLE_PHASES.includes(this.snapshot.phase)) return Promise.resolve();
    this.metadata = metadata;
    if (this.snapshot.phase === 'uploaded') {
      this.set({ publishRequested: true, problem: undefined });
      return this.run();
    }
    this.set({ publishRequested: true });
    return this.running ?? Promise.resolve();
  }

  /** Takes back a queued publish so the details can be edited again. */
  withdrawPublish(): void {
    if (this.snapshot.phase === 'publishing' || this.snapshot.phase === 'published') return;
    this.metadata = undefined;
    this.set({ publishRequested: false });
  }

  // ------------------------------------------------------------------------------------------------ the run

  private run(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const running = this.runWith(controller.signal).finally(() => {
      if (this.controller === controller) this.controller = undefined;
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private async runWith(signal: AbortSignal): Promise<void> {
    try {
      if (!this.session) {
        this.set({ phase: 'preparing', problem: undefined });
        await this.openSession(signal);
      }
      if (this.stored.size < this.totalParts) {
        this.set({ phase: 'uploading', problem: undefined });
        await this.transfer(signal);
      }
      if (this.metadata) await this.publishNow(this.metadata, signal);
      else this.set({ phase: 'uploaded', problem: undefined, bytesPerSecond: undefined, etaSeconds: undefined });
    } catch (error) {
      // Paused or cancelled: whoever aborted has already said what the upload is now.
      if (signal.aborted) return;
      this.fail(error);
    }
  }

  private get totalParts(): number {
    return this.session?.totalChunks ?? 0;
  }

  private async openSession(signal: AbortSignal): Promise<void> {
    const remembered = this.resumeStore.find(this.fingerprint);
    if (remembered) {
      const session = await this.lookUp(remembered.uploadId, signal);
      if (session && this.canResume(session)) {
        this.adopt(session);
        if (session.uploadedChunks.length > 0) {
          this.set({
            notice: `Resumed: ${this.stored.size} of ${session.totalChunks} parts were already uploaded.`,
          });
        }
        return;
      }
      this.resumeStore.remove(this.fingerprint);
      this.set({ notice: 'The earlier upload of this file had ended, so it starts over.' });
    }
    const session = await this.withApiRetries(() => this.api.init(this.request, signal), signal);
    this.resumeStore.save({ ...this.fingerprint, uploadId: session.id, savedAt: this.now() });
    this.adopt(session);
    if (this.snapshot.phase === 'cancelled') {
      // Cancelled while the session was being created: it must not linger until it expires.
      this.resumeStore.remove(this.fingerprint);
      await this.cancelOnServer(session.id);
    }
  }

  /** The remembered session, or undefined when the server no longer has it for this user. */
  private async lookUp(uploadId: string, signal: AbortSignal): Promise<UploadSession | undefined> {
    try {
      return await this.withApiRetries(() => this.api.get(uploadId, signal), signal);
    } catch (error) {
      if (isApiError(error) && DEAD_SESSION_CODES.includes(error.code)) return undefined;
      throw error;
    }
  }

  private canResume(session: UploadSession): boolean {
    return (
      session.status === 'active' &&
      session.fileSize === this.file.size &&
      partCount(this.file.size, session.chunkSize) === session.totalChunks &&
      Date.parse(session.expiresAt) > this.now()
    );
  }

  private adopt(session: UploadSession): void {
    this.session = session;
    this.stored.clear();
    for (const part of session.uploadedChunks) {
      if (part >= 1 && part <= session.totalChunks) this.stored.add(part);
    }
    this.storedBytes = bytesOfParts(this.stored, session.chunkSize, this.file.size);
    this.set({
      uploadId: session.id,
      videoId: session.videoId,
      totalParts: session.totalChunks,
      storedParts: this.stored.size,
      resumedParts: this.stored.size,
      sentBytes: this.storedBytes,
    });
  }

  // ------------------------------------------------------------------------------------------------ parts

  /** Sends every part not stored yet, `parallelParts` at a time; the first part that cannot be sent stops all. */
  private async transfer(signal: AbortSignal): Promise<void> {
    const queue = missingParts(this.totalParts, this.stored);
    this.queue = queue;
    const stopAll = new AbortController();
    const onAbort = () => {
      stopAll.abort();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    let failure: { error: unknown } | undefined;

    const worker = async () => {
      while (!stopAll.signal.aborted) {
        const part = queue.shift();
        if (part === undefined) return;
        try {
          await this.sendPart(part, stopAll.signal);
        } catch (error) {
          failure ??= { error };
          stopAll.abort();
        }
      }
    };
    try {
      const workers = Math.min(this.parallelParts, queue.length);
      await Promise.all(Array.from({ length: workers }, worker));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (signal.aborted) throw abortError();
    if (failure) throw failure.error;
  }

  private async sendPart(part: number, signal: AbortSignal): Promise<void> {
    const session = this.requireSession();
    const { start, end } = partRange(part, session.chunkSize, this.file.size);
    let refreshedAfterForbidden = false;
    for (let attempt = 1; ; attempt += 1) {
      const url = await this.urlFor(part, signal);
      let reported = 0;
      try {
        await this.transport({
          url,
          body: this.file.slice(start, end),
          signal,
          onProgress: (loaded) => {
            if (loaded > reported) {
              this.transferred += loaded - reported;
              reported = loaded;
            }
            this.inFlight.set(part, Math.min(loaded, end - start));
            this.emitProgress();
          },
        });
        this.inFlight.delete(part);
        this.urls.delete(part);
        if (!this.stored.has(part)) {
          this.stored.add(part);
          this.storedBytes += end - start;
        }
        this.emitProgress();
        return;
      } catch (error) {
        this.inFlight.delete(part);
        this.emitProgress();
        if (signal.aborted || !(error instanceof PartUploadError) || !error.retryable) throw error;
        if (attempt >= this.retryPolicy.maxAttempts) throw error;
        if (error.status === 403) {
          // What S3 answers for an expired presigned URL: ask for a fresh one, at once the first time.
          this.urls.delete(part);
          if (!refreshedAfterForbidden) {
            refreshedAfterForbidden = true;
            continue;
          }
        }
        await sleep(backoffDelay(attempt - 1, this.retryPolicy, this.random), signal);
      }
    }
  }

  private hasFreshUrl(part: number): boolean {
    const cached = this.urls.get(part);
    return cached !== undefined && cached.expiresAt - URL_EXPIRY_MARGIN_MS > this.now();
  }

  /** The part's URL; asks for a batch (this part and the next ones waiting) when it has none or it is expiring. */
  private async urlFor(part: number, signal: AbortSignal): Promise<string> {
    for (;;) {
      const cached = this.urls.get(part);
      if (cached && this.hasFreshUrl(part)) return cached.url;
      if (this.presigning) {
        // Another part is already asking; its batch most likely covers this one.
        await this.presigning;
        continue;
      }
      const batch = [part, ...this.queue.filter((next) => !this.hasFreshUrl(next))].slice(0, this.maxPartsPerPresign);
      const presigning = this.presign(batch, signal).finally(() => {
        this.presigning = undefined;
      });
      this.presigning = presigning;
      await presigning;
      if (!this.hasFreshUrl(part)) {
        const answered = this.urls.get(part);
        if (answered) return answered.url;
        throw new PartUploadError(0, `The API sent no URL for part ${part}.`);
      }
    }
  }

  private async presign(partNumbers: number[], signal: AbortSignal): Promise<void> {
    const session = this.requireSession();
    const answer = await this.withApiRetries(() => this.api.presign(session.id, partNumbers, signal), signal);
    const expiresAt = Date.parse(answer.expiresAt);
    // A client clock running ahead of the server's would make every fresh URL look expired (and ask again forever):
    // such URLs are used until the storage itself refuses them with 403.
    const usableUntil = expiresAt - URL_EXPIRY_MARGIN_MS > this.now() ? expiresAt : Number.POSITIVE_INFINITY;
    for (const { partNumber, url } of answer.parts) {
      if (partNumbers.includes(partNumber)) this.urls.set(partNumber, { url, expiresAt: usableUntil });
    }
  }

  // ------------------------------------------------------------------------------------------------ completing

  private async publishNow(metadata: VideoMetadata, signal: AbortSignal): Promise<void> {
    const session = this.requireSession();
    this.set({ phase: 'publishing', problem: undefined, bytesPerSecond: undefined, etaSeconds: undefined });
    let video: Video;
    try {
      video = await this.withApiRetries(() => this.api.complete(session.id, metadata, signal), signal);
    } catch (error) {
      const missing =
        isApiError(error) && error.code === 'UPLOAD_INCOMPLETE' ? (error.details?.missingParts ?? []) : [];
      if (missing.length === 0 || this.resentMissingParts) throw error;
      // The storage lost (or never got) parts we believed stored: send exactly those again, once.
      this.resentMissingParts = true;
      for (const part of missing) {
        if (this.stored.delete(part)) this.storedBytes -= partSize(part, session.chunkSize, this.file.size);
      }
      this.set({
        phase: 'uploading',
        notice: `Sending ${missing.length} part${missing.length === 1 ? '' : 's'} again that the storage did not have.`,
      });
      this.emitProgress();
      await this.transfer(signal);
      await this.publishNow(metadata, signal);
      return;
    }
    this.resumeStore.remove(this.fingerprint);
    this.set({ phase: 'published', video, videoId: video.id, problem: undefined, notice: undefined });
  }

  // ------------------------------------------------------------------------------------------------ failures

  /**
   * Runs an API call, retrying what may pass by itself: no network, 5xx (backoff with jitter) and RATE_LIMITED
   * (waiting exactly Retry-After). Everything else is for the caller.
   */
  private async withApiRetries<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (signal.aborted || !isApiError(error) || attempt >= this.retryPolicy.maxAttempts) throw error;
        if (error.code === 'RATE_LIMITED') {
          const waitSeconds = error.details?.retryAfterSeconds;
          const waitMs =
            waitSeconds === undefined ? backoffDelay(attempt - 1, this.retryPolicy, this.random) : waitSeconds * 1000;
          const phaseBefore = this.snapshot.phase;
          this.set({ phase: 'waiting', problem: describeUploadError(error) });
          await sleep(waitMs, signal);
          this.set({ phase: phaseBefore, problem: undefined });
        } else if (error.code === 'NETWORK_ERROR' || error.status >= 500) {
          await sleep(backoffDelay(attempt - 1, this.retryPolicy, this.random), signal);
        } else {
          throw error;
        }
      }
    }
  }

  private fail(error: unknown): void {
    const allStored = this.session !== undefined && this.stored.size === this.totalParts;
    const problem = describeUploadError(error, allStored ? 'publish' : 'upload');
    this.stopMeasuring();
    if (isApiError(error) && DEAD_SESSION_CODES.includes(error.code)) this.resumeStore.remove(this.fingerprint);

    const detailsRefused = problem.code === 'VALIDATION_ERROR' || problem.code === 'INVALID_INPUT';
    if (allStored && (problem.resumable || detailsRefused)) {
      // The bytes are safe; the details (or a passing failure) need the user: they publish again from the form.
      this.metadata = undefined;
      this.set({ phase: 'uploaded', publishRequested: false, problem });
      return;
    }
    if (problem.resumable) {
      this.set({ phase: 'paused', problem });
      return;
    }
    this.metadata = undefined;
    this.set({ phase: 'failed', publishRequested: false, problem });
  }

  private async cancelOnServer(uploadId: string): Promise<void> {
    try {
      await this.api.cancel(uploadId);
    } catch (error) {
      // Already over on the server (expired, completed elsewhere): nothing is left to clean up.
      if (isApiError(error) && DEAD_SESSION_CODES.includes(error.code)) return;
      this.set({
        notice: `Cancelled here; the stored parts are deleted when the upload expires (after ${limits.upload.sessionTtlHours} hours).`,
      });
    }
  }

  private requireSession(): UploadSession {
    if (!this.session) throw new Error('No upload session yet.');
    return this.session;
  }

  // ------------------------------------------------------------------------------------------------ progress

  private stopMeasuring(): void {
    this.inFlight.clear();
    this.samples = [];
    this.set({ sentBytes: this.storedBytes, bytesPerSecond: undefined, etaSeconds: undefined });
  }

  private emitProgress(): void {
    let inFlightBytes = 0;
    for (const loaded of this.inFlight.values()) inFlightBytes += loaded;
    const sentBytes = Math.min(this.storedBytes + inFlightBytes, this.file.size);

    const at = this.now();
    this.samples.push({ at, bytes: this.transferred });
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - SPEED_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const span = first ? at - first.at : 0;
    const bytesPerSecond =
      first && span >= MIN_SPEED_SPAN_MS ? ((this.transferred - first.bytes) * 1000) / span : undefined;
    const remaining = this.file.size - sentBytes;
    const etaSeconds =
      bytesPerSecond !== undefined && bytesPerSecond > 0 ? Math.ceil(remaining / bytesPerSecond) : undefined;

    this.set({ sentBytes, storedParts: this.stored.size, bytesPerSecond, etaSeconds });
  }

  private set(patch: Partial<UploadSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach((listener) => {
      listener();
    });
  }
}
