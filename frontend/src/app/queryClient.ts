import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api/client';

const MAX_QUERY_RETRIES = 2;
const STALE_TIME_MS = 30_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        // A 4xx answer will not change by asking again.
        retry: (failureCount, error) => !(isApiError(error) && error.isClientError) && failureCount < MAX_QUERY_RETRIES,
      },
    },
  });
}
