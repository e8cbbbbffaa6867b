import { z } from 'zod';
import { limits } from '../../../contract/generated/limits.gen';
import { zResourceId } from '../../../contract/generated/zod.gen';

/** What identifies "the same file" when the user picks it again: no hashing of gigabytes needed. */
export interface FileFingerprint {
  name: string;
  size: number;
  lastModified: number;
}

export interface ResumeRecord extends FileFingerprint {
  uploadId: string;
  /** Epoch ms; records older than a session's lifetime are dropped. */
  savedAt: number;
}

/** Remembers which upload session belongs to which local file, across reloads. */
export interface ResumeStore {
  find(file: FileFingerprint): ResumeRecord | undefined;
  save(record: ResumeRecord): void;
  remove(file: FileFingerprint): void;
}

export const RESUME_STORAGE_KEY = 'kinora.uploads.resume';
const SESSION_TTL_MS = limits.upload.sessionTtlHours * 60 * 60 * 1000;

const zResumeRecords = z.array(
  z.object({
    uploadId: zResourceId,
    name: z.string(),
    size: z.number(),
    lastModified: z.number(),
    savedAt: z.number(),
  }),
);

export function fingerprintOf(file: FileFingerprint): FileFingerprint {
  return { name: file.name, size: file.size, lastModified: file.lastModified };
}

function sameFile(a: FileFingerprint, b: FileFingerprint): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/**
 * localStorage-backed store. What is stored is read back as hostile input (another tab, an older version, a user
 * with dev tools): anything that does not parse is ignored, and the server has the last word (getUpload) anyway.
 */
export function localStorageResumeStore(
  storage: Storage = window.localStorage,
  now: () => number = Date.now,
): ResumeStore {
  function read(): ResumeRecord[] {
    let raw: unknown;
    try {
      raw = JSON.parse(storage.getItem(RESUME_STORAGE_KEY) ?? '[]');
    } catch {
      return [];
    }
    const parsed = zResumeRecords.safeParse(raw);
    if (!parsed.success) return [];
    return parsed.data.filter((record) => now() - record.savedAt < SESSION_TTL_MS);
  }

  function write(records: ResumeRecord[]): void {
    try {
      if (records.length === 0) storage.removeItem(RESUME_STORAGE_KEY);
      else storage.setItem(RESUME_STORAGE_KEY, JSON.stringify(records));
    } catch {
      // Storage full or disabled (private mode): uploads still work, they just cannot resume after a reload.
    }
  }

  return {
    find: (file) => read().find((record) => sameFile(record, file)),
    save: (record) => {
      write([...read().filter((other) => !sameFile(other, record)), record]);
    },
    remove: (file) => {
      write(read().filter((record) => !sameFile(record, file)));
    },
  };
}
