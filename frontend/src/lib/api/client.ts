import type { z } from 'zod';
import { errorStatusByCode } from '../../contract/generated/errorStatus.gen';
import type { ErrorCode, ErrorDetails, ValidationIssue } from '../../contract/generated/types.gen';
import { zErrorEnvelope } from '../../contract/generated/zod.gen';
import { toValidationIssues } from './issues';

/** Failures the browser detects itself, when no error envelope can exist. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'MALFORMED_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status of the response; 0 when no response arrived. */
  readonly status: number;
  readonly details: ErrorDetails | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    code: ApiErrorCode;
    status: number;
    message: string;
    details?: ErrorDetails | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  get issues(): ValidationIssue[] {
    return this.details?.issues ?? [];
  }

  /** 4xx answers are final: retrying the same request cannot succeed. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest<Response extends z.ZodType, Body> {
  path: string;
  /** The generated schema of the success envelope, e.g. `zGetHealthResponse`. */
  responseSchema: Response;
  method?: Method;
  body?: Body;
  /** The generated request schema; a body that breaks the contract is refused before it is sent. */
  bodySchema?: z.ZodType<Body>;
  signal?: AbortSignal;
  /**
   * The caller handles SESSION_EXPIRED itself (e.g. `GET /auth/me`, where it means "signed out"); otherwise the
   * session-expired listeners run before the error is thrown.
   */
  sessionOptional?: boolean;
  /** Lets the request outlive the page (progress saved on `pagehide`); bodies must stay under 64 KiB. */
  keepalive?: boolean;
}

type SessionExpiredListener = () => void;
const sessionExpiredListeners = new Set<SessionExpiredListener>();

/** Runs `listener` whenever an API call answers 401 SESSION_EXPIRED (DESIGN §8). Returns the unsubscribe. */
export function onSessionExpired(listener: SessionExpiredListener): () => void {
  sessionExpiredListeners.add(listener);
  return () => {
    sessionExpiredListeners.delete(listener);
  };
}

/** Any 401, including API Gateway's bare `{"message":"Unauthorized"}`, means the caller is signed out. */
export function isSignedOutError(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the Kinora API on this origin and returns the parsed success envelope (`{ data, meta? }`).
 * Throws `ApiError` for error envelopes, unreachable APIs and bodies that do not match the contract.
 */
export async function apiRequest<Response extends z.ZodType, Body = never>(
  request: ApiRequest<Response, Body>,
): Promise<z.output<Response>> {
  const method = request.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  if (method !== 'GET') {
    // The API refuses state-changing requests without it: a cross-site form cannot set custom headers.
    headers.set('X-Requested-With', 'kinora');
  }

  let body: string | undefined;
  if (request.body !== undefined) {
    if (request.bodySchema) {
      const checked = request.bodySchema.safeParse(request.body);
      if (!checked.success) {
        throw new ApiError({
          code: 'VALIDATION_ERROR',
          status: errorStatusByCode.VALIDATION_ERROR,
          message: 'The request does not match the contract.',
          details: { issues: toValidationIssues(checked.error.issues) },
        });
      }
    }
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(request.body);
  }

  let response: globalThis.Response;
  try {
    response = await fetch(request.path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: request.signal ?? null,
      ...(request.keepalive ? { keepalive: true } : {}),
    });
  } catch (cause) {
    if (request.signal?.aborted) throw cause;
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: 'The Kinora API could not be reached.' });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const envelope = zErrorEnvelope.safeParse(payload);
    if (envelope.success) {
      const { code, message, details, requestId } = envelope.data.error;
      if (code === 'SESSION_EXPIRED' && !request.sessionOptional) {
        sessionExpiredListeners.forEach((listener) => {
          listener();
        });
      }
      throw new ApiError({ code, status: response.status, message, details, requestId });
    }
    throw new ApiError({
      code: 'MALFORMED_RESPONSE',
      status: response.status,
      message: `The API answered ${response.status} without an error envelope.`,
    });
  }

  const parsed = request.responseSchema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({
      code: 'MALFORMED_RESPONSE',
      status: response.status,
      message: 'The API answered with a body that does not match the contract.',
      details: { issues: toValidationIssues(parsed.error.issues) },
    });
  }
  return parsed.data;
}
