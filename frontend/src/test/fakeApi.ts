import { vi } from 'vitest';

export type FakeRoute = (request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export const healthyApi: Record<string, FakeRoute> = {
  'GET /api/v1/health': () =>
    json({ data: { status: 'ok', service: 'kinora-api', version: '1.0.0', time: '2026-11-25T15:00:00Z' } }),
  // A visitor: API Gateway's own answer when the request carries no Cookie header.
  'GET /api/v1/auth/me': () => json({ message: 'Unauthorized' }, 401),
};

export const sampleMe = {
  userId: 'usr_0000000001',
  email: 'ada@example.com',
  channel: { id: 'ch_00000000001', handle: 'ada', name: 'Ada Lovelace', subscriberCount: 0 },
};

/** The health route plus a signed-in `GET /auth/me`. */
export const signedInApi: Record<string, FakeRoute> = {
  ...healthyApi,
  'GET /api/v1/auth/me': () => json({ data: sampleMe }),
};

/**
 * Replaces fetch with a table of `METHOD /path` routes; anything else fails like an unreachable network.
 * Returns the mock so tests can read the requests the app sent.
 */
export function fakeApi(routes: Record<string, FakeRoute>) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const request = new Request(new URL(url, 'http://kinora.test'), init);
    const route = routes[`${request.method} ${new URL(request.url).pathname}`];
    return route ? Promise.resolve(route(request)) : Promise.reject(new TypeError('Failed to fetch'));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
