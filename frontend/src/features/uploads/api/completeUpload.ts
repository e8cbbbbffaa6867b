import type { Video, VideoMetadata } from '../../../contract/generated/types.gen';
import { zCompleteUploadBody, zCompleteUploadResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function completeUpload(uploadId: string, metadata: VideoMetadata, signal?: AbortSignal): Promise<Video> {
  const envelope = await apiRequest({
    path: `/api/v1/uploads/${encodeURIComponent(uploadId)}/complete`,
    method: 'POST',
    body: metadata,
    bodySchema: zCompleteUploadBody,
    responseSchema: zCompleteUploadResponse,
    signal,
  });
  return envelope.data;
}
