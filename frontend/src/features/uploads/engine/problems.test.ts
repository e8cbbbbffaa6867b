import { errorStatusByCode } from '../../../contract/generated/errorStatus.gen';
import type { ErrorCode, ErrorDetails } from '../../../contract/generated/types.gen';
import { ApiError } from '../../../lib/api/client';
import { describeUploadError } from './problems';
import { PartUploadError } from './transport';

function apiError(code: ErrorCode, details?: ErrorDetails, requestId?: string): ApiError {
  return new ApiError({ code, status: errorStatusByCode[code], message: 'server words', details, requestId });
}

test.each([
  [apiError('FILE_TOO_LARGE'), false, 'This file is too large: videos can be at most 5 GiB.'],
  [apiError('UNSUPPORTED_FORMAT'), false, 'This file type is not supported. Upload MP4, WebM, MOV, AVI or MKV.'],
  [
    apiError('UPLOAD_EXPIRED'),
    false,
    'This upload expired: unfinished uploads are kept for 24 hours. Pick the file again to start over.',
  ],
  [apiError('UPLOAD_INCOMPLETE', { missingParts: [2, 5] }), false, /parts 2, 5/],
  [apiError('UPLOAD_INCOMPLETE'), false, /does not add up to the size/],
  [apiError('RATE_LIMITED', { retryAfterSeconds: 1 }), true, 'Too many requests right now. Try again in 1 second.'],
  [apiError('RATE_LIMITED'), true, /Wait a moment/],
  [apiError('FORBIDDEN'), false, /belongs to another account/],
  [apiError('SESSION_EXPIRED'), true, /signed out/],
  [apiError('NOT_FOUND'), false, /no longer exists/],
  [apiError('CONFLICT'), false, /already published or cancelled/],
  [apiError('INTERNAL_ERROR', undefined, 'req-9'), true, /request req-9/],
  [new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'x' }), true, /could not be reached/],
  [new PartUploadError(0, 'x'), true, /connection to the storage dropped/],
  [new PartUploadError(400, 'x'), true, /HTTP 400/],
  [new Error('boom'), true, /unexpected/],
])('%o is described (resumable=%s)', (error, resumable, message) => {
  const problem = describeUploadError(error);
  expect(problem.resumable).toBe(resumable);
  expect(problem.message).toMatch(message);
});

test('validationIssuesAreKeptForTheForm', () => {
  const issues = [{ path: '/title', message: 'Too long' }];
  const problem = describeUploadError(apiError('VALIDATION_ERROR', { issues }));
  expect(problem).toMatchObject({ code: 'VALIDATION_ERROR', resumable: false, issues });
});

test('rateLimitedKeepsRetryAfter', () => {
  expect(describeUploadError(apiError('RATE_LIMITED', { retryAfterSeconds: 12 })).retryAfterSeconds).toBe(12);
});

test('onceEveryPartIsStoredTryingAgainMeansPublish', () => {
  expect(describeUploadError(apiError('INTERNAL_ERROR'), 'publish').message).toBe(
    'Kinora had a problem. Press Publish to try again.',
  );
  expect(describeUploadError(new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'x' }), 'publish').message).toBe(
    'Kinora could not be reached. Press Publish to try again.',
  );
});
