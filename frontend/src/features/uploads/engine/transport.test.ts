import { PartUploadError, xhrPartTransport } from './transport';

/** Just enough XMLHttpRequest for the transport: the test decides how each request ends. */
class FakeXhr {
  static last: FakeXhr | undefined;
  method = '';
  url = '';
  body: unknown;
  status = 0;
  aborted = false;
  responseHeaders: Record<string, string> = {};
  upload: { onprogress: ((event: { loaded: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name] ?? null;
  }
  answer(status: number, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseHeaders = headers;
    this.onload?.();
  }
}

function lastXhr(): FakeXhr {
  if (!FakeXhr.last) throw new Error('no request was made');
  return FakeXhr.last;
}

beforeEach(() => {
  FakeXhr.last = undefined;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});

const body = new Blob([new Uint8Array(10)]);

test('putsThePartAndReportsUploadProgressAndTheEtag', async () => {
  const progress: number[] = [];
  const sending = xhrPartTransport({
    url: 'https://storage.test/raw?partNumber=1',
    body,
    signal: new AbortController().signal,
    onProgress: (loaded) => progress.push(loaded),
  });
  const xhr = lastXhr();
  expect(xhr.method).toBe('PUT');
  expect(xhr.url).toBe('https://storage.test/raw?partNumber=1');
  expect(xhr.body).toBe(body);

  xhr.upload.onprogress?.({ loaded: 4 });
  xhr.answer(200, { ETag: '"abc"' });

  await expect(sending).resolves.toEqual({ etag: '"abc"' });
  expect(progress).toEqual([4, 10]);
});

test.each([
  [403, true],
  [500, true],
  [503, true],
  [429, true],
  [400, false],
  [404, false],
])('anHttp %i answer rejects with retryable=%s', async (status, retryable) => {
  const sending = xhrPartTransport({
    url: 'https://storage.test/p',
    body,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  });
  lastXhr().answer(status);

  const error: unknown = await sending.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PartUploadError);
  expect(error).toMatchObject({ status, retryable });
});

test('aNetworkFailureIsStatusZeroAndRetryable', async () => {
  const sending = xhrPartTransport({
    url: 'https://storage.test/p',
    body,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  });
  lastXhr().onerror?.();

  await expect(sending).rejects.toMatchObject({ status: 0, retryable: true });
});

test('abortingTheSignalAbortsTheRequest', async () => {
  const controller = new AbortController();
  const sending = xhrPartTransport({
    url: 'https://storage.test/p',
    body,
    signal: controller.signal,
    onProgress: () => undefined,
  });

  controller.abort();

  await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
  expect(lastXhr().aborted).toBe(true);
});
