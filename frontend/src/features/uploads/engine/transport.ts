import { abortError } from './backoff';

export interface PartPutRequest {
  /** The presigned UploadPart URL (storage origin, not the API). */
  url: string;
  body: Blob;
  signal: AbortSignal;
  /** Bytes of `body` sent so far; called as the upload progresses. */
  onProgress: (loadedBytes: number) => void;
}

export interface PartPutResult {
  /** The storage's ETag of the part, when the bucket's CORS exposes it; only a receipt, never sent back. */
  etag: string | undefined;
}

/** PUTs one part's bytes to its presigned URL. Rejects with PartUploadError, or AbortError when `signal` aborts. */
export type PartTransport = (request: PartPutRequest) => Promise<PartPutResult>;

/** A part PUT the storage refused or that never got an answer. */
export class PartUploadError extends Error {
  override readonly name = 'PartUploadError';
  /** HTTP status from the storage; 0 when no response arrived (network down, CORS, DNS). */
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }

  /**
   * 403 is what S3 answers for an expired presigned URL (the engine then asks for a fresh one); network failures,
   * timeouts, throttling and 5xx are worth another try; any other 4xx will fail the same way again.
   */
  get retryable(): boolean {
    return this.status === 0 || this.status === 403 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/**
 * The browser transport. XMLHttpRequest rather than fetch: fetch reports no upload progress (a streaming request
 * body would, but needs `duplex: 'half'`, HTTP/2 and is not in every browser), and a progress bar, speed and ETA need
 * the bytes sent while a 5 MiB part is in flight. `xhr.upload.onprogress` gives exactly that, and `abort()` maps
 * cleanly onto the AbortSignal the engine uses for pause and cancel.
 */
export const xhrPartTransport: PartTransport = ({ url, body, signal, onProgress }) =>
  new Promise<PartPutResult>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => {
      xhr.abort();
    };
    const settle = () => {
      signal.removeEventListener('abort', onAbort);
    };
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => {
      onProgress(event.loaded);
    };
    xhr.onload = () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(body.size);
        resolve({ etag: xhr.getResponseHeader('ETag') ?? undefined });
      } else {
        reject(new PartUploadError(xhr.status, `The storage answered ${xhr.status} to a part upload.`));
      }
    };
    xhr.onerror = () => {
      settle();
      reject(new PartUploadError(0, 'The storage could not be reached.'));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      settle();
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    xhr.send(body);
  });
