import type { UploadInitRequest } from '../../contract/generated/types.gen';
import type { UploadProblemCode } from './engine/problems';
import type { UploadPhase, UploadSnapshot } from './engine/uploadEngine';
import { UploadQueue, type UploadHandle } from './uploadQueue';

/** An upload that does nothing but record what it is asked, in a phase the test sets. */
class StubUpload implements UploadHandle {
  calls: string[] = [];
  private snapshot: UploadSnapshot;
  private readonly listeners = new Set<() => void>();

  readonly request: UploadInitRequest;

  constructor(request: UploadInitRequest) {
    this.request = request;
    this.snapshot = {
      phase: 'preparing',
      fileName: request.filename,
      fileSize: request.fileSize,
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

  set(phase: UploadPhase, problemCode?: UploadProblemCode) {
    this.snapshot = {
      ...this.snapshot,
      phase,
      problem: problemCode ? { code: problemCode, message: 'x', resumable: true } : undefined,
    };
    this.listeners.forEach((listener) => {
      listener();
    });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
  getSnapshot = () => this.snapshot;
  start = () => {
    this.calls.push('start');
    return Promise.resolve();
  };
  pause = () => {
    this.calls.push('pause');
  };
  resume = () => {
    this.calls.push('resume');
    return Promise.resolve();
  };
  cancel = () => {
    this.calls.push('cancel');
    return Promise.resolve();
  };
  publish = () => {
    this.calls.push('publish');
    return Promise.resolve();
  };
  withdrawPublish = () => {
    this.calls.push('withdraw');
  };
}

function setup() {
  const uploads: StubUpload[] = [];
  const queue = new UploadQueue((_file, request) => {
    const upload = new StubUpload(request);
    uploads.push(upload);
    return upload;
  });
  return { queue, uploads };
}

function video(name: string, size = 100, lastModified = 1): File {
  const file = new File([new Uint8Array(1)], name, { type: 'video/mp4', lastModified });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

test('validFilesStartAndInvalidOnesAreExplained', () => {
  const { queue, uploads } = setup();

  const rejected = queue.add([video('a.mp4'), new File(['x'], 'b.txt', { type: 'text/plain' }), video('c.webm')]);

  expect(rejected).toEqual([{ name: 'b.txt', message: expect.stringMatching(/not a supported video file/) as string }]);
  expect(uploads.map((upload) => upload.request)).toEqual([
    { filename: 'a.mp4', fileSize: 100, mimeType: 'video/mp4' },
    { filename: 'c.webm', fileSize: 100, mimeType: 'video/mp4' },
  ]);
  expect(uploads.every((upload) => upload.calls.includes('start'))).toBe(true);
  expect(queue.getSnapshot()).toHaveLength(2);
});

test('theSameFileIsRefusedWhileLiveAndStartsAgainOnceOver', () => {
  const { queue, uploads } = setup();
  queue.add([video('a.mp4')]);

  expect(queue.add([video('a.mp4')])).toHaveLength(1);
  expect(queue.add([video('a.mp4', 100, 2)])).toEqual([]);

  uploads[0]?.set('cancelled');
  expect(queue.add([video('a.mp4')])).toEqual([]);
  expect(queue.getSnapshot().map(({ file }) => file.lastModified)).toEqual([2, 1]);
});

test('onlyFinishedUploadsCanBeRemoved', () => {
  const { queue, uploads } = setup();
  queue.add([video('a.mp4')]);
  const [task] = queue.getSnapshot();
  if (!task) throw new Error('no task');

  queue.remove(task.id);
  expect(queue.getSnapshot()).toHaveLength(1);

  uploads[0]?.set('published');
  queue.remove(task.id);
  expect(queue.getSnapshot()).toHaveLength(0);
});

test('snapshotsChangeIdentityWhenAnUploadChanges', () => {
  const { queue, uploads } = setup();
  queue.add([video('a.mp4')]);
  const before = queue.getSnapshot();
  const listener = vi.fn();
  queue.subscribe(listener);

  uploads[0]?.set('uploading');

  expect(listener).toHaveBeenCalled();
  expect(queue.getSnapshot()).not.toBe(before);
  expect(queue.getSnapshot()[0]?.snapshot.phase).toBe('uploading');
});

test('comingBackOnlineResumesOnlyUploadsTheNetworkPaused', () => {
  const { queue, uploads } = setup();
  queue.add([video('a.mp4'), video('b.mp4'), video('c.mp4')]);
  const [network, user, api] = uploads;
  network?.set('paused', 'PART_UPLOAD_FAILED');
  user?.set('paused');
  api?.set('paused', 'NETWORK_ERROR');

  queue.resumeInterrupted();

  expect(network?.calls).toContain('resume');
  expect(user?.calls).not.toContain('resume');
  expect(api?.calls).toContain('resume');
});

test('pauseAllPausesEveryUpload', () => {
  const { queue, uploads } = setup();
  queue.add([video('a.mp4'), video('b.mp4')]);

  queue.pauseAll();

  expect(uploads.every((upload) => upload.calls.includes('pause'))).toBe(true);
});
