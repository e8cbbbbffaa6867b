import { useMutation } from '@tanstack/react-query';
import type { Report, ReportCreateRequest } from '../../../contract/generated/types.gen';
import { zCreateReportBody, zCreateReportResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** Reports a video or a comment; a repeat while the first report is open answers that report (200, not an error). */
export async function createReport(body: ReportCreateRequest): Promise<Report> {
  const envelope = await apiRequest({
    path: '/api/v1/reports',
    method: 'POST',
    body,
    bodySchema: zCreateReportBody,
    responseSchema: zCreateReportResponse,
  });
  return envelope.data;
}

export function useCreateReport() {
  return useMutation({ mutationFn: createReport });
}
