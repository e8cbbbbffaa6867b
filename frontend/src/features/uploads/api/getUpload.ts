import type { UploadSession } from '../../../contract/generated/types.gen';
import { zGetUploadResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** The session with the parts the storage really holds (`uploadedChunks`): what a resume trusts. */
export async function getUpload(uploadId: string, signal?: AbortSignal): Promise<UploadSession> {
  const envelope = await apiRequest({
    path: `/api/v1/uploads/${encodeURIComponent(uploadId)}`,
    responseSchema: zGetUploadResponse,
    signal,
  });
  return envelope.data;
}
