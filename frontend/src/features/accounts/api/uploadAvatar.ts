import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AvatarUpload, AvatarUploadRequest, Channel } from '../../../contract/generated/types.gen';
import { zCreateAvatarUploadBody, zCreateAvatarUploadResponse } from '../../../contract/generated/zod.gen';
import { ApiError, apiRequest } from '../../../lib/api/client';
import { applyOptimisticChannel, channelQueryPrefix, rollbackChannel, storeChannel } from './channelCache';
import { meQueryKey } from './getMe';
import { updateMyChannel } from './updateMyChannel';

/** Asks for a presigned PUT for one image; the server chooses where it goes. */
export async function createAvatarUpload(body: AvatarUploadRequest): Promise<AvatarUpload> {
  const envelope = await apiRequest({
    path: '/api/v1/channels/me/avatar',
    method: 'POST',
    body,
    bodySchema: zCreateAvatarUploadBody,
    responseSchema: zCreateAvatarUploadResponse,
  });
  return envelope.data;
}

/**
 * PUTs the image straight to storage with exactly the signed headers; the browser sets the signed Content-Length
 * from the body. No cookies: the URL itself is the permission.
 */
export async function putAvatar(upload: AvatarUpload, file: Blob): Promise<void> {
  let response: Response;
  try {
    response = await fetch(upload.uploadUrl, {
      method: upload.method,
      headers: upload.headers,
      body: file,
      credentials: 'omit',
    });
  } catch {
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: 'The image could not be uploaded. Please try again.',
    });
  }
  if (!response.ok) {
    throw new ApiError({
      code: 'FORBIDDEN',
      status: response.status,
      message: 'The storage refused the image. Pick it again and retry.',
    });
  }
}

export interface AvatarChange {
  file: File;
  request: AvatarUploadRequest;
  /** An object URL of the file, shown as the avatar while the upload runs. */
  previewUrl: string;
}

/** Presign → PUT → set the avatar; the preview shows at once and is rolled back if any step fails. */
export async function uploadAvatar({ file, request }: AvatarChange): Promise<Channel> {
  const upload = await createAvatarUpload(request);
  await putAvatar(upload, file);
  return updateMyChannel({ avatarKey: upload.avatarKey });
}

export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAvatar,
    onMutate: (change: AvatarChange) => applyOptimisticChannel(queryClient, { avatarUrl: change.previewUrl }),
    onError: (_error, _change, snapshot) => {
      rollbackChannel(queryClient, snapshot);
    },
    onSuccess: (channel) => {
      storeChannel(queryClient, channel);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: channelQueryPrefix });
    },
  });
}
