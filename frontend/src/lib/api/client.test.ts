// @vitest-environment node
import { zGetHealthResponse, zVideoMetadata } from '../../contract/generated/zod.gen';
import { fakeApi, json } from '../../test/fakeApi';
import { ApiError, apiRequest } from './client';

const health = { status: 'ok', service: 'kinora-api', version: '1.0.0', time: '2026-11-25T15:00:00Z' };

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

test('successEnvelopeIsParsedWithTheGeneratedSchema', async () => {
  fakeApi({ 'GET /api/v1/health': () => json({ data: health }) });

  await expect(apiRequest({ path: '/api/v1/health', responseSchema: zGetHealthResponse })).resolves.toEqual({
    data: health,
  });
});

test('apiErrorEnvelopeBecomesTypedApiError', async () => {
  fakeApi({
    'GET /api/v1/health': () =>
      json(
        {
          error: {
            code: 'RATE_LIMITED',
            message: 'Too many requests; try again in 30 seconds.',
            details: { retryAfterSeconds: 30 },
            requestId: 'req-1',
          },
        },
        429,
        { 'Retry-After': '30' },
      ),
  });

  const error = await caught(apiRequest({ path: '/api/v1/health', responseSchema: zGetHealthResponse }));

  expect(error).toMatchObject({
    code: 'RATE_LIMITED',
    status: 429,
    message: 'Too many requests; try again in 30 seconds.',
    requestId: 'req-1',
    details: { retryAfterSeconds: 30 },
    isClientError: true,
  });
});

test('validationErrorKeepsItsIssues', async () => {
  const issues = [{ path: '/title', message: 'must be at most 100 characters' }];
  fakeApi({
    'POST /api/v1/things': () =>
      json({ error: { code: 'VALIDATION_ERROR', message: 'Invalid', details: { issues } } }, 400),
  });

  const error = await caught(
    apiRequest({ method: 'POST', path: '/api/v1/things', body: {}, responseSchema: zGetHealthResponse }),
  );

  expect(error.issues).toEqual(issues);
});

test('stateChangingRequestsSendTheKinoraHeaderAndSameOriginCredentials', async () => {
  const fetchMock = fakeApi({ 'POST /api/v1/things': () => json({ data: health }) });

  await apiRequest({ method: 'POST', path: '/api/v1/things', body: { a: 1 }, responseSchema: zGetHealthResponse });

  const [, init] = fetchMock.mock.calls[0] ?? [];
  const headers = new Headers(init?.headers);
  expect(init?.credentials).toBe('same-origin');
  expect(headers.get('X-Requested-With')).toBe('kinora');
  expect(headers.get('Content-Type')).toBe('application/json');
  expect(init?.body).toBe('{"a":1}');
});

test('readsDoNotSendTheKinoraHeader', async () => {
  const fetchMock = fakeApi({ 'GET /api/v1/health': () => json({ data: health }) });

  await apiRequest({ path: '/api/v1/health', responseSchema: zGetHealthResponse });

  const [, init] = fetchMock.mock.calls[0] ?? [];
  expect(init?.credentials).toBe('same-origin');
  expect(new Headers(init?.headers).has('X-Requested-With')).toBe(false);
});

test('bodyBreakingTheContractIsRefusedBeforeItIsSent', async () => {
  const fetchMock = fakeApi({});

  const error = await caught(
    apiRequest({
      method: 'POST',
      path: '/api/v1/videos',
      body: { title: '', visibility: 'public' as const },
      bodySchema: zVideoMetadata,
      responseSchema: zGetHealthResponse,
    }),
  );

  expect(error.code).toBe('VALIDATION_ERROR');
  expect(error.issues.map((issue) => issue.path)).toEqual(['/title']);
  expect(fetchMock).not.toHaveBeenCalled();
});

test('responseThatBreaksTheContractIsMalformed', async () => {
  fakeApi({ 'GET /api/v1/health': () => json({ data: { ...health, status: 'sleepy' } }) });

  const error = await caught(apiRequest({ path: '/api/v1/health', responseSchema: zGetHealthResponse }));

  expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', status: 200 });
  expect(error.issues.map((issue) => issue.path)).toEqual(['/data/status']);
});

test('errorWithoutEnvelopeKeepsItsHttpStatus', async () => {
  fakeApi({ 'GET /api/v1/health': () => new Response('<html>Bad gateway</html>', { status: 502 }) });

  const error = await caught(apiRequest({ path: '/api/v1/health', responseSchema: zGetHealthResponse }));

  expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', status: 502, isClientError: false });
});

test('unreachableApiBecomesNetworkError', async () => {
  fakeApi({});

  const error = await caught(apiRequest({ path: '/api/v1/health', responseSchema: zGetHealthResponse }));

  expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
});
