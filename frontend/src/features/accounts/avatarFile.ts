import { limits } from '../../contract/generated/limits.gen';
import type { AvatarMimeType, AvatarUploadRequest } from '../../contract/generated/types.gen';
import { zCreateAvatarUploadBody } from '../../contract/generated/zod.gen';
import { formatBytes } from '../../lib/format/bytes';

/** How people know each allowed image type; keyed by the generated type, so a new type in limits.json needs a label. */
const imageLabels: Record<AvatarMimeType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

const allowed: readonly AvatarMimeType[] = limits.channel.avatar.allowedMimeTypes;

/** "JPEG, PNG or WebP". */
export const avatarFormatsText = (() => {
  const labels = allowed.map((type) => imageLabels[type]);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`;
})();

/** The file input's `accept`. */
export const avatarAccept = allowed.join(',');

export const avatarMessages = {
  tooLarge: () =>
    `This image is too large: avatars can be at most ${formatBytes(limits.channel.avatar.maxFileSizeBytes)}.`,
  empty: () => 'This image is empty.',
  unsupported: () => `Use a ${avatarFormatsText} image.`,
};

export type AvatarFileCheck = { ok: true; request: AvatarUploadRequest } | { ok: false; message: string };

/** Checks a picked image against the presign request's generated schema, size first like the server. */
export function checkAvatarFile(file: { type: string; size: number }): AvatarFileCheck {
  const result = zCreateAvatarUploadBody.safeParse({ contentType: file.type, size: file.size });
  if (result.success) return { ok: true, request: result.data };
  const issues = result.error.issues;
  const sizeIssue = issues.find((issue) => issue.path[0] === 'size');
  if (sizeIssue)
    return { ok: false, message: sizeIssue.code === 'too_big' ? avatarMessages.tooLarge() : avatarMessages.empty() };
  return { ok: false, message: avatarMessages.unsupported() };
}
