import type { UploadInitRequest, UploadSession } from '../../../contract/generated/types.gen';
import { zInitUploadBody, zInitUploadResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function initUpload(body: UploadInitRequest, signal?: AbortSignal): Promise<UploadSession> {
  const envelope = await apiRequest({
    path: '/api/v1/uploads',
    method: 'POST',
    body,
    bodySchema: zInitUploadBody,
    responseSchema: zInitUploadResponse,
    signal,
  });
  return envelope.data;
}
