import { zCancelUploadResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

export async function cancelUpload(uploadId: string): Promise<void> {
  await apiRequest({
    path: `/api/v1/uploads/${encodeURIComponent(uploadId)}`,
    method: 'DELETE',
    responseSchema: zCancelUploadResponse,
  });
}
