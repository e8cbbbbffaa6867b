import type { UploadInitRequest } from '../../contract/generated/types.gen';
import { fingerprintOf } from './engine/resumeStore';
import type { UploadEngine, UploadPhase, UploadSnapshot } from './engine/uploadEngine';
import { checkFile } from './validateFile';

export interface RejectedFile {
  name: string;
  message: string;
}

/** What the studio needs of one upload; UploadEngine is the real one. */
export type UploadHandle = Pick<
  UploadEngine,
  'subscribe' | 'getSnapshot' | 'start' | 'pause' | 'resume' | 'cancel' | 'publish' | 'withdrawPublish'
>;

export interface UploadTaskView {
  id: string;
  file: File;
  engine: UploadHandle;
  snapshot: UploadSnapshot;
}

export type EngineFactory = (file: File, request: UploadInitRequest) => UploadHandle;

/** Still moving or waiting for the user: a second copy of the same file would compete with it. */
const LIVE_PHASES: readonly UploadPhase[] = ['preparing', 'uploading', 'waiting', 'paused', 'uploaded', 'publishing'];
const NETWORK_PROBLEMS: readonly string[] = ['PART_UPLOAD_FAILED', 'NETWORK_ERROR'];

export function isLive(phase: UploadPhase): boolean {
  return LIVE_PHASES.includes(phase);
}

function sameFile(a: File, b: File): boolean {
  const x = fingerprintOf(a);
  const y = fingerprintOf(b);
  return x.name === y.name && x.size === y.size && x.lastModified === y.lastModified;
}

/** The studio's list of uploads: validates picked files, starts an engine per file, and is observable by React. */
export class UploadQueue {
  private readonly createEngine: EngineFactory;
  private tasks: { id: string; file: File; engine: UploadHandle; unsubscribe: () => void }[] = [];
  private views: readonly UploadTaskView[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(createEngine: EngineFactory) {
    this.createEngine = createEngine;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): readonly UploadTaskView[] => this.views;

  /** Starts an upload for each acceptable file (resuming where a remembered one stopped); says why others are not. */
  add(files: Iterable<File>): RejectedFile[] {
    const rejected: RejectedFile[] = [];
    for (const file of files) {
      const check = checkFile(file);
      if (!check.ok) {
        rejected.push({ name: file.name, message: check.message });
        continue;
      }
      const existing = this.tasks.find((task) => sameFile(task.file, file));
      if (existing && isLive(existing.engine.getSnapshot().phase)) {
        rejected.push({ name: file.name, message: 'This file is already in the list below.' });
        continue;
      }
      if (existing) this.drop(existing.id);
      const engine = this.createEngine(file, check.request);
      const id = `upload-${this.nextId}`;
      this.nextId += 1;
      const unsubscribe = engine.subscribe(() => {
        this.publish();
      });
      this.tasks = [...this.tasks, { id, file, engine, unsubscribe }];
      this.publish();
      void engine.start();
    }
    return rejected;
  }

  /** Takes a finished, failed or cancelled upload off the list. */
  remove(id: string): void {
    const task = this.tasks.find((candidate) => candidate.id === id);
    if (!task || isLive(task.engine.getSnapshot().phase)) return;
    this.drop(id);
  }

  /** Leaving the studio: nothing keeps sending in the background; picking the files again resumes them. */
  pauseAll(): void {
    this.tasks.forEach((task) => {
      task.engine.pause();
    });
  }

  /** The browser is back online: uploads that paused because the network dropped go on. */
  resumeInterrupted(): void {
    this.tasks.forEach(({ engine }) => {
      const { phase, problem } = engine.getSnapshot();
      if (phase === 'paused' && problem && NETWORK_PROBLEMS.includes(problem.code)) void engine.resume();
    });
  }

  private drop(id: string): void {
    this.tasks.find((task) => task.id === id)?.unsubscribe();
    this.tasks = this.tasks.filter((task) => task.id !== id);
    this.publish();
  }

  private publish(): void {
    this.views = this.tasks.map(({ id, file, engine }) => ({ id, file, engine, snapshot: engine.getSnapshot() }));
    this.listeners.forEach((listener) => {
      listener();
    });
  }
}
