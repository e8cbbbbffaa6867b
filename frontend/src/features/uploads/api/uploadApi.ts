import type { UploadApi } from '../engine/uploadEngine';
import { cancelUpload } from './cancelUpload';
import { completeUpload } from './completeUpload';
import { getUpload } from './getUpload';
import { initUpload } from './initUpload';
import { presignUploadParts } from './presignUploadParts';

/** The engine's port, over HTTP. */
export const httpUploadApi: UploadApi = {
  init: initUpload,
  get: getUpload,
  presign: presignUploadParts,
  complete: completeUpload,
  cancel: cancelUpload,
};
