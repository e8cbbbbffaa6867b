import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HealthStatus } from '../../../contract/generated/types.gen';
import { zGetHealthResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** How often the footer re-checks the API while the page is open. */
const HEALTH_POLL_INTERVAL_MS = 30_000;

export async function getHealth(signal?: AbortSignal): Promise<HealthStatus> {
  const envelope = await apiRequest({ path: '/api/v1/health', responseSchema: zGetHealthResponse, signal });
  return envelope.data;
}

export const healthQueryOptions = queryOptions({
  queryKey: ['platform', 'health'],
  queryFn: ({ signal }) => getHealth(signal),
  refetchInterval: HEALTH_POLL_INTERVAL_MS,
  retry: false,
});

export function useHealth() {
  return useQuery(healthQueryOptions);
}
