import type { UploadPartUrls } from '../../../contract/generated/types.gen';
import { zPresignUploadPartsBody, zPresignUploadPartsResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function presignUploadParts(
  uploadId: string,
  partNumbers: number[],
  signal?: AbortSignal,
): Promise<UploadPartUrls> {
  const envelope = await apiRequest({
    path: `/api/v1/uploads/${encodeURIComponent(uploadId)}/parts`,
    method: 'POST',
    body: { partNumbers },
    bodySchema: zPresignUploadPartsBody,
    responseSchema: zPresignUploadPartsResponse,
    signal,
  });
  return envelope.data;
}
