import { errorStatusByCode } from '../../../contract/generated/errorStatus.gen';
import type {
  ErrorCode,
  ErrorDetails,
  UploadSession,
  Video,
  VideoMetadata,
} from '../../../contract/generated/types.gen';
import { ApiError } from '../../../lib/api/client';
import { missingParts, partCount } from './parts';
import { localStorageResumeStore, type ResumeStore } from './resumeStore';
import { PartUploadError, type PartPutRequest, type PartTransport } from './transport';
import { UploadEngine, URL_EXPIRY_MARGIN_MS, type UploadApi, type UploadEngineOptions } from './uploadEngine';

/** Tiny parts keep the tests fast; the engine takes the part size from the session, as it must. */
const CHUNK = 10;
const HOUR_MS = 60 * 60 * 1000;
const metadata: VideoMetadata = { title: 'Holiday', visibility: 'public' };

function apiError(code: ErrorCode, details?: ErrorDetails): ApiError {
  return new ApiError({ code, status: errorStatusByCode[code], message: `${code} from the fake`, details });
}

function fileOf(size: number, name = 'clip.mp4', lastModified = 1_700_000_000_000): File {
  return new File([new Uint8Array(size)], name, { type: 'video/mp4', lastModified });
}

interface HeldPut {
  part: number;
  request: PartPutRequest;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** The uploads API and the storage behind the presigned URLs, in memory. */
class FakeCloud {
  session: UploadSession | undefined;
  readonly stored = new Set<number>();
  readonly presignCalls: number[][] = [];
  readonly puts: { part: number; url: string; bytes: number }[] = [];
  readonly completes: VideoMetadata[] = [];
  readonly cancels: string[] = [];
  readonly gets: string[] = [];
  initCalls = 0;
  urlTtlMs = HOUR_MS;
  /** Errors the next calls of a method throw, in order. */
  readonly failures: Partial<Record<keyof UploadApi, Error[]>> = {};
  /** Per PUT: throw this instead of storing (undefined: store). */
  putOutcome: (part: number, attempt: number) => PartUploadError | undefined = () => undefined;
  /** When true, PUTs wait in `held` until the test settles them. */
  holdPuts = false;
  readonly held: HeldPut[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly urlExpiry = new Map<string, number>();
  private readonly attempts = new Map<number, number>();
  private version = 0;

  private fail(method: keyof UploadApi): void {
    const next = this.failures[method]?.shift();
    if (next !== undefined) throw next;
  }

  private view(): UploadSession {
    if (!this.session) throw apiError('NOT_FOUND');
    return { ...this.session, uploadedChunks: [...this.stored].sort((a, b) => a - b) };
  }

  /** A session the server already has (as after a reload), with these parts stored. */
  existingSession(file: File, storedParts: number[], overrides: Partial<UploadSession> = {}): UploadSession {
    this.session = {
      id: 'up_existing',
      ownerId: 'usr_1',
      videoId: 'vid_0000001',
      filename: file.name,
      fileSize: file.size,
      mimeType: 'video/mp4',
      chunkSize: CHUNK,
      totalChunks: partCount(file.size, CHUNK),
      uploadedChunks: [],
      status: 'active',
      expiresAt: new Date(Date.now() + 24 * HOUR_MS).toISOString(),
      createdAt: new Date().toISOString(),
      ...overrides,
    };
    storedParts.forEach((part) => this.stored.add(part));
    return this.session;
  }

  readonly api: UploadApi = {
    init: (request) => {
      this.initCalls += 1;
      this.fail('init');
      this.stored.clear();
      this.session = {
        id: `up_${this.initCalls}`,
        ownerId: 'usr_1',
        videoId: 'vid_0000001',
        filename: request.filename,
        fileSize: request.fileSize,
        mimeType: request.mimeType,
        chunkSize: CHUNK,
        totalChunks: partCount(request.fileSize, CHUNK),
        uploadedChunks: [],
        status: 'active',
        expiresAt: new Date(Date.now() + 24 * HOUR_MS).toISOString(),
        createdAt: new Date().toISOString(),
      };
      return Promise.resolve(this.view());
    },
    get: (uploadId) => {
      this.gets.push(uploadId);
      this.fail('get');
      return Promise.resolve(this.view());
    },
    presign: (uploadId, partNumbers) => {
      this.presignCalls.push(partNumbers);
      this.fail('presign');
      this.version += 1;
      const expiresAt = Date.now() + this.urlTtlMs;
      const parts = partNumbers.map((partNumber) => {
        const url = `https://storage.test/${uploadId}?partNumber=${partNumber}&v=${this.version}`;
        this.urlExpiry.set(url, expiresAt);
        return { partNumber, url };
      });
      return Promise.resolve({ parts, expiresAt: new Date(expiresAt).toISOString() });
    },
    complete: (_uploadId, body) => {
      this.completes.push(body);
      this.fail('complete');
      const session = this.view();
      const missing = missingParts(session.totalChunks, this.stored);
      if (missing.length > 0) throw apiError('UPLOAD_INCOMPLETE', { missingParts: missing });
      const video: Video = {
        id: session.videoId ?? 'vid_0000001',
        channelId: 'ch_1',
        title: body.title,
        description: body.description ?? '',
        tags: body.tags ?? [],
        categories: body.categories ?? [],
        visibility: body.visibility,
        status: 'processing',
        resolutions: [],
        viewCount: 0,
        likeCount: 0,
        dislikeCount: 0,
        commentCount: 0,
        createdAt: new Date().toISOString(),
      };
      return Promise.resolve(video);
    },
    cancel: (uploadId) => {
      this.cancels.push(uploadId);
      this.fail('cancel');
      return Promise.resolve();
    },
  };

  readonly transport: PartTransport = (request) => {
    const part = Number(new URL(request.url).searchParams.get('partNumber'));
    const attempt = (this.attempts.get(part) ?? 0) + 1;
    this.attempts.set(part, attempt);
    this.puts.push({ part, url: request.url, bytes: request.body.size });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        this.inFlight -= 1;
        request.signal.removeEventListener('abort', onAbort);
        if (error !== undefined) {
          reject(error);
          return;
        }
        const expiry = this.urlExpiry.get(request.url) ?? 0;
        if (Date.now() > expiry) {
          reject(new PartUploadError(403, 'Request has expired'));
          return;
        }
        const outcome = this.putOutcome(part, attempt);
        if (outcome) {
          reject(outcome);
          return;
        }
        request.onProgress(request.body.size);
        this.stored.add(part);
        resolve({ etag: `"etag-${part}"` });
      };
      const onAbort = () => {
        finish(new DOMException('aborted', 'AbortError'));
      };
      request.signal.addEventListener('abort', onAbort, { once: true });
      request.onProgress(Math.floor(request.body.size / 2));
      if (this.holdPuts) {
        this.held.push({
          part,
          request,
          resolve: () => {
            finish();
          },
          reject: finish,
        });
      } else {
        queueMicrotask(() => {
          finish();
        });
      }
    });
  };
}

function engineFor(file: File, cloud: FakeCloud, overrides: Partial<UploadEngineOptions> = {}) {
  const resumeStore: ResumeStore = localStorageResumeStore();
  const engine = new UploadEngine(
    file,
    { filename: file.name, fileSize: file.size, mimeType: 'video/mp4' },
    { api: cloud.api, transport: cloud.transport, resumeStore, random: () => 0, ...overrides },
  );
  return { engine, resumeStore };
}

function putCounts(cloud: FakeCloud): Record<number, number> {
  const counts: Record<number, number> = {};
  cloud.puts.forEach(({ part }) => (counts[part] = (counts[part] ?? 0) + 1));
  return counts;
}

afterEach(() => {
  vi.useRealTimers();
});

test('happyPathSendsEveryPartOnceAndPublishesWithTheDetails', async () => {
  const cloud = new FakeCloud();
  const file = fileOf(25);
  const { engine, resumeStore } = engineFor(file, cloud);

  void engine.publish(metadata);
  await engine.start();
  await engine.publish(metadata);

  expect(cloud.initCalls).toBe(1);
  expect(cloud.presignCalls).toEqual([[1, 2, 3]]);
  expect(cloud.puts.map(({ part, bytes }) => [part, bytes]).sort()).toEqual([
    [1, 10],
    [2, 10],
    [3, 5],
  ]);
  expect(cloud.completes).toEqual([metadata]);
  const snapshot = engine.getSnapshot();
  expect(snapshot.phase).toBe('published');
  expect(snapshot.videoId).toBe('vid_0000001');
  expect(snapshot.sentBytes).toBe(25);
  expect(resumeStore.find(file)).toBeUndefined();
});

test('withoutDetailsTheUploadWaitsInUploadedAndPublishesWhenTheyArrive', async () => {
  const cloud = new FakeCloud();
  const file = fileOf(25);
  const { engine, resumeStore } = engineFor(file, cloud);

  await engine.start();
  expect(engine.getSnapshot().phase).toBe('uploaded');
  expect(resumeStore.find(file)?.uploadId).toBe('up_1');
  expect(cloud.completes).toEqual([]);

  await engine.publish({ ...metadata, tags: ['sea'] });
  expect(cloud.completes).toEqual([{ ...metadata, tags: ['sea'] }]);
  expect(engine.getSnapshot().phase).toBe('published');
});

test('detailsSubmittedWhileUploadingArePublishedRightAfterTheLastPart', async () => {
  const cloud = new FakeCloud();
  cloud.holdPuts = true;
  const { engine } = engineFor(fileOf(25), cloud);

  const running = engine.start();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(3);
  });
  void engine.publish(metadata);
  expect(engine.getSnapshot().publishRequested).toBe(true);
  expect(cloud.completes).toEqual([]);
  cloud.held.splice(0).forEach((put) => {
    put.resolve();
  });
  await running;

  expect(cloud.completes).toEqual([metadata]);
  expect(engine.getSnapshot().phase).toBe('published');
});

test('neverMoreThanThreePartsAreInFlight', async () => {
  const cloud = new FakeCloud();
  cloud.holdPuts = true;
  const { engine } = engineFor(fileOf(10 * CHUNK), cloud);

  const running = engine.start();
  for (let sent = 0; sent < 10;) {
    await vi.waitFor(() => {
      expect(cloud.held.length).toBeGreaterThan(0);
    });
    expect(cloud.inFlight).toBeLessThanOrEqual(3);
    const next = cloud.held.shift();
    next?.resolve();
    sent += 1;
  }
  await running;

  expect(cloud.maxInFlight).toBe(3);
  expect(Object.keys(putCounts(cloud))).toHaveLength(10);
});

test('partUrlsAreRequestedInBatchesOfAtMostMaxPartsPerPresign', async () => {
  const cloud = new FakeCloud();
  const { engine } = engineFor(fileOf(250 * CHUNK), cloud);

  await engine.start();

  expect(cloud.presignCalls.map((batch) => batch.length)).toEqual([100, 100, 50]);
  expect(cloud.presignCalls.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  expect(engine.getSnapshot().phase).toBe('uploaded');
});

test('aFailedPartIsRetriedWithExponentialBackoffAndFullJitter', async () => {
  vi.useFakeTimers();
  const cloud = new FakeCloud();
  cloud.putOutcome = (part, attempt) =>
    part === 1 && attempt <= 2 ? new PartUploadError(503, 'Slow down') : undefined;
  const { engine } = engineFor(fileOf(CHUNK), cloud, { random: () => 0.5 });

  const running = engine.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(cloud.puts).toHaveLength(1);

  // First retry: uniform in [0, 500 ms) — with random() = 0.5, after 250 ms.
  await vi.advanceTimersByTimeAsync(249);
  expect(cloud.puts).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(cloud.puts).toHaveLength(2);

  // Second retry: the ceiling doubles to 1000 ms — after 500 ms.
  await vi.advanceTimersByTimeAsync(499);
  expect(cloud.puts).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(1);
  await running;

  expect(cloud.puts).toHaveLength(3);
  expect(engine.getSnapshot().phase).toBe('uploaded');
});

test('aPartThatKeepsFailingPausesTheUploadAndResumeGoesOn', async () => {
  const cloud = new FakeCloud();
  let storageDown = true;
  cloud.putOutcome = () => (storageDown ? new PartUploadError(0, 'offline') : undefined);
  const { engine } = engineFor(fileOf(2 * CHUNK), cloud, {
    retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
  });

  await engine.start();

  const paused = engine.getSnapshot();
  expect(paused.phase).toBe('paused');
  expect(paused.problem).toMatchObject({ code: 'PART_UPLOAD_FAILED', resumable: true });
  expect(paused.problem?.message).toMatch(/connection to the storage dropped/);
  expect(putCounts(cloud)[1]).toBe(3);

  storageDown = false;
  await engine.resume();
  expect(engine.getSnapshot().phase).toBe('uploaded');
  expect(engine.getSnapshot().problem).toBeUndefined();
});

test('aPartRefusedWith4xxIsNotRetried', async () => {
  const cloud = new FakeCloud();
  cloud.putOutcome = () => new PartUploadError(400, 'Bad digest');
  const { engine } = engineFor(fileOf(CHUNK), cloud, { parallelParts: 1 });

  await engine.start();

  expect(cloud.puts).toHaveLength(1);
  expect(engine.getSnapshot().problem?.message).toMatch(/HTTP 400/);
});

test('a403FromTheStorageGetsAFreshUrlAtOnce', async () => {
  const cloud = new FakeCloud();
  cloud.putOutcome = (part, attempt) =>
    part === 2 && attempt === 1 ? new PartUploadError(403, 'Request has expired') : undefined;
  const { engine } = engineFor(fileOf(3 * CHUNK), cloud, { parallelParts: 1 });

  await engine.start();

  expect(cloud.presignCalls).toEqual([[1, 2, 3], [2]]);
  const part2 = cloud.puts.filter(({ part }) => part === 2).map(({ url }) => new URL(url).searchParams.get('v'));
  expect(part2).toEqual(['1', '2']);
  expect(engine.getSnapshot().phase).toBe('uploaded');
});

test('urlsPastTheirExpiryAreReplacedBeforeTheyAreUsed', async () => {
  const cloud = new FakeCloud();
  cloud.holdPuts = true;
  cloud.urlTtlMs = 2 * URL_EXPIRY_MARGIN_MS;
  const start = new Date('2026-11-25T12:00:00Z').getTime();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  const { engine } = engineFor(fileOf(3 * CHUNK), cloud, { parallelParts: 1 });

  const running = engine.start();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(1);
  });
  // Part 1 takes long: the batch's URLs come within the safety margin of their expiry meanwhile.
  vi.setSystemTime(start + URL_EXPIRY_MARGIN_MS + 1);
  cloud.held.shift()?.resolve();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(1);
  });
  cloud.held.shift()?.resolve();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(1);
  });
  cloud.held.shift()?.resolve();
  await running;

  expect(cloud.presignCalls).toEqual([
    [1, 2, 3],
    [2, 3],
  ]);
  const versions = cloud.puts.map(({ part, url }) => [part, new URL(url).searchParams.get('v')]);
  expect(versions).toEqual([
    [1, '1'],
    [2, '2'],
    [3, '2'],
  ]);
});

test('urlsThatLookExpiredOnArrivalAreStillUsedInsteadOfAskingForever', async () => {
  const cloud = new FakeCloud();
  cloud.urlTtlMs = 1_000; // a client clock running ahead: inside the margin already
  const { engine } = engineFor(fileOf(3 * CHUNK), cloud);

  await engine.start();

  expect(cloud.presignCalls).toEqual([[1, 2, 3]]);
  expect(engine.getSnapshot().phase).toBe('uploaded');
});

test('pickingTheSameFileAgainResumesAndSkipsThePartsTheStorageHas', async () => {
  const cloud = new FakeCloud();
  const file = fileOf(45);
  const session = cloud.existingSession(file, [1, 3]);
  localStorageResumeStore().save({
    uploadId: session.id,
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    savedAt: Date.now(),
  });
  const { engine } = engineFor(fileOf(45), cloud);

  await engine.start();

  expect(cloud.gets).toEqual(['up_existing']);
  expect(cloud.initCalls).toBe(0);
  expect(putCounts(cloud)).toEqual({ 2: 1, 4: 1, 5: 1 });
  expect(cloud.presignCalls).toEqual([[2, 4, 5]]);
  const snapshot = engine.getSnapshot();
  expect(snapshot.resumedParts).toBe(2);
  expect(snapshot.notice).toBe('Resumed: 2 of 5 parts were already uploaded.');
  expect(snapshot.phase).toBe('uploaded');
});

test('aDifferentFileWithTheSameNameDoesNotResume', async () => {
  const cloud = new FakeCloud();
  const file = fileOf(45);
  cloud.existingSession(file, [1, 3]);
  localStorageResumeStore().save({
    uploadId: 'up_existing',
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    savedAt: Date.now(),
  });
  const { engine } = engineFor(fileOf(45, 'clip.mp4', file.lastModified + 1), cloud);

  await engine.start();

  expect(cloud.gets).toEqual([]);
  expect(cloud.initCalls).toBe(1);
});

test.each([['UPLOAD_EXPIRED' as const], ['FORBIDDEN' as const], ['NOT_FOUND' as const]])(
  'aRememberedSessionAnswering %s StartsOver',
  async (code) => {
    const cloud = new FakeCloud();
    const file = fileOf(25);
    localStorageResumeStore().save({
      uploadId: 'up_gone',
      name: file.name,
      size: file.size,
      lastModified: file.lastModified,
      savedAt: Date.now(),
    });
    cloud.failures.get = [apiError(code)];
    const { engine, resumeStore } = engineFor(file, cloud);

    await engine.start();

    expect(cloud.initCalls).toBe(1);
    expect(resumeStore.find(file)?.uploadId).toBe('up_1');
    expect(engine.getSnapshot().notice).toMatch(/starts over/);
    expect(Object.keys(putCounts(cloud))).toHaveLength(3);
  },
);

test('aRememberedSessionThatIsNoLongerActiveStartsOver', async () => {
  const cloud = new FakeCloud();
  const file = fileOf(25);
  cloud.existingSession(file, [1, 2, 3], { status: 'completed' });
  localStorageResumeStore().save({
    uploadId: 'up_existing',
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    savedAt: Date.now(),
  });
  const { engine } = engineFor(file, cloud);

  await engine.start();

  expect(cloud.initCalls).toBe(1);
  expect(Object.keys(putCounts(cloud))).toHaveLength(3);
});

test('pauseAbortsThePartsInFlightAndResumeSendsWhatIsLeft', async () => {
  const cloud = new FakeCloud();
  cloud.holdPuts = true;
  const { engine } = engineFor(fileOf(5 * CHUNK), cloud);

  const running = engine.start();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(3);
  });
  cloud.held.shift()?.resolve();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(3);
  });
  const inFlight = cloud.held.map(({ part }) => part);
  engine.pause();
  await running;

  expect(engine.getSnapshot().phase).toBe('paused');
  expect(cloud.held.every(({ request }) => request.signal.aborted)).toBe(true);
  expect(cloud.inFlight).toBe(0);
  expect(engine.getSnapshot().sentBytes).toBe(CHUNK);
  cloud.held.length = 0;

  cloud.holdPuts = false;
  await engine.resume();

  expect(engine.getSnapshot().phase).toBe('uploaded');
  const counts = putCounts(cloud);
  expect(counts[1]).toBe(1);
  inFlight.forEach((part) => {
    expect(counts[part]).toBe(2);
  });
});

test('cancelAbortsTheUploadOnTheServerAndForgetsTheFile', async () => {
  const cloud = new FakeCloud();
  cloud.holdPuts = true;
  const file = fileOf(5 * CHUNK);
  const { engine, resumeStore } = engineFor(file, cloud);

  const running = engine.start();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(3);
  });
  await engine.cancel();
  await running;

  expect(engine.getSnapshot().phase).toBe('cancelled');
  expect(cloud.cancels).toEqual(['up_1']);
  expect(cloud.held.every(({ request }) => request.signal.aborted)).toBe(true);
  expect(resumeStore.find(file)).toBeUndefined();
  await engine.publish(metadata);
  expect(cloud.completes).toEqual([]);
});

test('missingPartsReportedAtCompletionAreSentAgainOnce', async () => {
  const cloud = new FakeCloud();
  const { engine } = engineFor(fileOf(3 * CHUNK), cloud);
  await engine.start();
  cloud.stored.delete(2); // the storage lost part 2

  await engine.publish(metadata);

  expect(putCounts(cloud)).toEqual({ 1: 1, 2: 2, 3: 1 });
  expect(cloud.completes).toHaveLength(2);
  expect(engine.getSnapshot().phase).toBe('published');
});

test('partsStillMissingAfterTheResendFailWithTheirNumbers', async () => {
  const cloud = new FakeCloud();
  const { engine } = engineFor(fileOf(3 * CHUNK), cloud);
  await engine.start();
  cloud.failures.complete = [
    apiError('UPLOAD_INCOMPLETE', { missingParts: [2] }),
    apiError('UPLOAD_INCOMPLETE', { missingParts: [2] }),
  ];

  await engine.publish(metadata);

  const snapshot = engine.getSnapshot();
  expect(snapshot.phase).toBe('failed');
  expect(snapshot.problem?.code).toBe('UPLOAD_INCOMPLETE');
  expect(snapshot.problem?.message).toMatch(/part 2\b/);
  expect(putCounts(cloud)[2]).toBe(2);
});

test('rateLimitedPartUrlsWaitRetryAfterThenGoOn', async () => {
  vi.useFakeTimers();
  const cloud = new FakeCloud();
  cloud.failures.presign = [apiError('RATE_LIMITED', { retryAfterSeconds: 7 })];
  const { engine } = engineFor(fileOf(2 * CHUNK), cloud);

  const running = engine.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(engine.getSnapshot().phase).toBe('waiting');
  expect(engine.getSnapshot().problem?.message).toBe('Too many requests right now. Try again in 7 seconds.');

  await vi.advanceTimersByTimeAsync(6_999);
  expect(cloud.presignCalls).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  await running;

  expect(cloud.presignCalls).toHaveLength(2);
  expect(engine.getSnapshot().phase).toBe('uploaded');
  expect(engine.getSnapshot().problem).toBeUndefined();
});

test('aNetworkErrorAtInitIsRetriedWithBackoff', async () => {
  vi.useFakeTimers();
  const cloud = new FakeCloud();
  cloud.failures.init = [new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'offline' })];
  const { engine } = engineFor(fileOf(CHUNK), cloud, { random: () => 0.5 });

  const running = engine.start();
  await vi.advanceTimersByTimeAsync(249);
  expect(cloud.initCalls).toBe(1);
  await vi.advanceTimersByTimeAsync(1);
  await running;

  expect(cloud.initCalls).toBe(2);
  expect(engine.getSnapshot().phase).toBe('uploaded');
});

test.each([
  ['FILE_TOO_LARGE' as const, 'failed', /at most 5 GiB/],
  ['UNSUPPORTED_FORMAT' as const, 'failed', /Upload MP4, WebM, MOV, AVI or MKV/],
  ['SESSION_EXPIRED' as const, 'paused', /signed out.*same file/],
])('anInitAnswering %s ends %s with a clear message', async (code, phase, message) => {
  const cloud = new FakeCloud();
  cloud.failures.init = [apiError(code)];
  const { engine } = engineFor(fileOf(CHUNK), cloud);

  await engine.start();

  expect(engine.getSnapshot().phase).toBe(phase);
  expect(engine.getSnapshot().problem?.message).toMatch(message);
  expect(cloud.puts).toEqual([]);
});

test('detailsRefusedAtCompletionGoBackToTheFormWithTheirIssues', async () => {
  const cloud = new FakeCloud();
  const { engine } = engineFor(fileOf(CHUNK), cloud);
  await engine.start();
  cloud.failures.complete = [
    apiError('VALIDATION_ERROR', { issues: [{ path: '/title', message: 'Title is not allowed.' }] }),
  ];

  await engine.publish(metadata);

  const snapshot = engine.getSnapshot();
  expect(snapshot.phase).toBe('uploaded');
  expect(snapshot.publishRequested).toBe(false);
  expect(snapshot.problem?.issues).toEqual([{ path: '/title', message: 'Title is not allowed.' }]);

  await engine.publish({ ...metadata, title: 'Another title' });
  expect(engine.getSnapshot().phase).toBe('published');
});

test('aServerErrorAtCompletionKeepsTheBytesAndAsksToPublishAgain', async () => {
  const cloud = new FakeCloud();
  const { engine } = engineFor(fileOf(CHUNK), cloud, {
    retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
  });
  await engine.start();
  cloud.failures.complete = [apiError('INTERNAL_ERROR'), apiError('INTERNAL_ERROR')];

  await engine.publish(metadata);

  expect(cloud.completes).toHaveLength(2);
  const snapshot = engine.getSnapshot();
  expect(snapshot.phase).toBe('uploaded');
  expect(snapshot.publishRequested).toBe(false);
  expect(snapshot.problem?.message).toBe('Kinora had a problem. Press Publish to try again.');
  await engine.publish(metadata);
  expect(engine.getSnapshot().phase).toBe('published');
});

test('anExpiredUploadAtCompletionFailsAndForgetsTheFile', async () => {
  const cloud = new FakeCloud();
  const file = fileOf(CHUNK);
  const { engine, resumeStore } = engineFor(file, cloud);
  await engine.start();
  cloud.failures.complete = [apiError('UPLOAD_EXPIRED')];

  await engine.publish(metadata);

  expect(engine.getSnapshot().phase).toBe('failed');
  expect(engine.getSnapshot().problem?.message).toMatch(/expired.*24 hours/);
  expect(resumeStore.find(file)).toBeUndefined();
});

test('progressCountsBytesInFlightAndMeasuresSpeedAndEta', async () => {
  const cloud = new FakeCloud();
  cloud.holdPuts = true;
  const start = new Date('2026-11-25T12:00:00Z').getTime();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  const { engine } = engineFor(fileOf(4 * CHUNK), cloud, { parallelParts: 1 });

  const running = engine.start();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(1);
  });
  // The fake reports half a part on its way as soon as it starts.
  expect(engine.getSnapshot().sentBytes).toBe(CHUNK / 2);
  vi.setSystemTime(start + 1_000);
  cloud.held.shift()?.resolve();
  await vi.waitFor(() => {
    expect(cloud.held).toHaveLength(1);
  });

  const snapshot = engine.getSnapshot();
  expect(snapshot.storedParts).toBe(1);
  expect(snapshot.sentBytes).toBe(CHUNK + CHUNK / 2);
  // 10 bytes handed over in the second since the first sample: the rest of part 1 and half of part 2.
  expect(snapshot.bytesPerSecond).toBe(10);
  expect(snapshot.etaSeconds).toBe(3);
  await engine.cancel();
  await running;
});
