import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../../contract/generated/types.gen';
import { zGetMeResponse } from '../../../contract/generated/zod.gen';
import { apiRequest, isSignedOutError } from '../../../lib/api/client';

export const meQueryKey = ['accounts', 'me'] as const;
/** TanStack Query's hash of `meQueryKey`, to leave `me` out of cache-wide operations. */
export const meQueryHash = JSON.stringify(meQueryKey);

/** The signed-in account, or null when the API answers 401 (no session, expired session, no cookie at all). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const envelope = await apiRequest({
      path: '/api/v1/auth/me',
      responseSchema: zGetMeResponse,
      signal,
      sessionOptional: true,
    });
    return envelope.data;
  } catch (error) {
    if (isSignedOutError(error)) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => getMe(signal),
});

/** `data` is the account, `null` when signed out, `undefined` while the first answer is pending. */
export function useMe() {
  return useQuery(meQueryOptions);
}
