import { limits } from '../../contract/generated/limits.gen';
import type { UploadInitRequest } from '../../contract/generated/types.gen';
import { zInitUploadBody } from '../../contract/generated/zod.gen';
import { formatBytes } from '../../lib/format/bytes';
import { mimeTypeOf, supportedFormatsText } from './formats';

export type FileCheck = { ok: true; request: UploadInitRequest } | { ok: false; message: string };

export const messages = {
  tooLarge: () => `This file is too large: videos can be at most ${formatBytes(limits.upload.maxFileSizeBytes)}.`,
  empty: () => 'This file is empty.',
  unsupported: () => `This is not a supported video file. Upload ${supportedFormatsText}.`,
  nameTooLong: () =>
    `The file name is longer than ${limits.upload.filename.max} characters. Rename the file and pick it again.`,
};

/**
 * Checks a picked file against the init request's generated schema before anything is sent, in the order the
 * server reports them (size, then type, then the rest).
 */
export function checkFile(file: File): FileCheck {
  const candidate = { filename: file.name, fileSize: file.size, mimeType: mimeTypeOf(file) };
  const result = zInitUploadBody.safeParse(candidate);
  if (result.success) return { ok: true, request: result.data };

  const issues = result.error.issues;
  const sizeIssue = issues.find((issue) => issue.path[0] === 'fileSize');
  if (sizeIssue) return { ok: false, message: sizeIssue.code === 'too_big' ? messages.tooLarge() : messages.empty() };
  if (issues.some((issue) => issue.path[0] === 'mimeType')) return { ok: false, message: messages.unsupported() };
  if (issues.some((issue) => issue.path[0] === 'filename')) return { ok: false, message: messages.nameTooLong() };
  return { ok: false, message: issues[0]?.message ?? 'This file cannot be uploaded.' };
}
