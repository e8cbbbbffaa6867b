import { limits } from '../../../contract/generated/limits.gen';
import type { ValidationIssue } from '../../../contract/generated/types.gen';
import { isApiError, type ApiErrorCode } from '../../../lib/api/client';
import { formatBytes } from '../../../lib/format/bytes';
import { supportedFormatsText } from '../formats';
import { isAbortError } from './backoff';
import { PartUploadError } from './transport';

export type UploadProblemCode = ApiErrorCode | 'PART_UPLOAD_FAILED' | 'UNKNOWN';

/** What went wrong with an upload, worded for the person uploading. */
export interface UploadProblem {
  code: UploadProblemCode;
  message: string;
  /** The bytes can go on (Resume) once the cause is gone; otherwise the file has to be picked again. */
  resumable: boolean;
  issues?: ValidationIssue[];
  retryAfterSeconds?: number;
}

function seconds(count: number): string {
  return `${count} second${count === 1 ? '' : 's'}`;
}

/**
 * The user-facing problem for any error an upload can meet: API error codes, storage failures, the unexpected.
 * `stage` says which button tries again: Resume while bytes move, Publish once they are all stored.
 */
export function describeUploadError(error: unknown, stage: 'upload' | 'publish' = 'upload'): UploadProblem {
  const tryAgain = stage === 'publish' ? 'Press Publish to try again.' : 'Press Resume to try again.';
  if (error instanceof PartUploadError) {
    return {
      code: 'PART_UPLOAD_FAILED',
      resumable: true,
      message:
        error.status === 0
          ? 'The connection to the storage dropped. The upload continues when you are back online, or press Resume.'
          : `The storage refused a part (HTTP ${error.status}) even after several tries. Press Resume to try again.`,
    };
  }
  if (!isApiError(error)) {
    return {
      code: 'UNKNOWN',
      resumable: !isAbortError(error),
      message: `Something unexpected went wrong. ${tryAgain}`,
    };
  }
  const { code } = error;
  switch (code) {
    case 'FILE_TOO_LARGE':
      return {
        code,
        resumable: false,
        message: `This file is too large: videos can be at most ${formatBytes(limits.upload.maxFileSizeBytes)}.`,
      };
    case 'UNSUPPORTED_FORMAT':
      return { code, resumable: false, message: `This file type is not supported. Upload ${supportedFormatsText}.` };
    case 'UPLOAD_EXPIRED':
      return {
        code,
        resumable: false,
        message: `This upload expired: unfinished uploads are kept for ${limits.upload.sessionTtlHours} hours. Pick the file again to start over.`,
      };
    case 'UPLOAD_INCOMPLETE': {
      const missing = error.details?.missingParts ?? [];
      return {
        code,
        resumable: false,
        message:
          missing.length > 0
            ? `Some parts never reached the storage (part${missing.length === 1 ? '' : 's'} ${missing.join(', ')}), even after sending them again. Pick the file again to start over.`
            : 'The stored upload does not add up to the size of the file. Pick the file again to start over.',
      };
    }
    case 'RATE_LIMITED': {
      const wait = error.details?.retryAfterSeconds;
      return {
        code,
        resumable: true,
        ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
        message:
          wait === undefined
            ? `Too many requests right now. Wait a moment. ${tryAgain}`
            : `Too many requests right now. Try again in ${seconds(wait)}.`,
      };
    }
    case 'FORBIDDEN':
      return {
        code,
        resumable: false,
        message: 'This upload belongs to another account. Pick the file again to upload it as yourself.',
      };
    case 'SESSION_EXPIRED':
    case 'UNAUTHORIZED':
      return {
        code,
        resumable: true,
        message: 'You were signed out. Sign in again, then pick the same file: the upload continues where it stopped.',
      };
    case 'NOT_FOUND':
      return { code, resumable: false, message: 'This upload no longer exists. Pick the file again to start over.' };
    case 'CONFLICT':
      return {
        code,
        resumable: false,
        message: 'This upload was already published or cancelled, perhaps in another tab.',
      };
    case 'VALIDATION_ERROR':
    case 'INVALID_INPUT':
      return {
        code,
        resumable: false,
        issues: error.issues,
        message: error.issues.length > 0 ? 'Some details need fixing before publishing.' : error.message,
      };
    case 'NETWORK_ERROR':
      return {
        code,
        resumable: true,
        message:
          stage === 'publish'
            ? `Kinora could not be reached. ${tryAgain}`
            : 'Kinora could not be reached. The upload continues when you are back online, or press Resume.',
      };
    case 'MALFORMED_RESPONSE':
    case 'INTERNAL_ERROR':
      return {
        code,
        resumable: true,
        message: `Kinora had a problem${error.requestId ? ` (request ${error.requestId})` : ''}. ${tryAgain}`,
      };
    default:
      return { code, resumable: false, message: error.message };
  }
}
