import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReportQueueResponse } from '../../../contract/generated/types.gen';
import { zListReportQueueResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export const reportQueueKey = ['moderation', 'queue'] as const;

export async function listReportQueue(cursor: string | undefined, signal?: AbortSignal): Promise<ReportQueueResponse> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest({ path: `/api/v1/admin/reports${query}`, responseSchema: zListReportQueueResponse, signal });
}

/** The moderators' queue, newest report first, one page at a time. */
export function useReportQueue() {
  return useInfiniteQuery({
    queryKey: reportQueueKey,
    queryFn: ({ pageParam, signal }) => listReportQueue(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.meta.nextCursor,
  });
}
