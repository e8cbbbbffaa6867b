import { limits } from '../../contract/generated/limits.gen';
import type { UploadMimeType } from '../../contract/generated/types.gen';

/**
 * How people know each allowed MIME type. Keyed by the generated UploadMimeType, so adding a type to
 * limits.json fails the type check here until it has a label and its file extensions.
 */
const videoFormats: Record<UploadMimeType, { label: string; extensions: readonly string[] }> = {
  'video/mp4': { label: 'MP4', extensions: ['.mp4', '.m4v'] },
  'video/webm': { label: 'WebM', extensions: ['.webm'] },
  'video/quicktime': { label: 'MOV', extensions: ['.mov', '.qt'] },
  'video/x-msvideo': { label: 'AVI', extensions: ['.avi'] },
  'video/x-matroska': { label: 'MKV', extensions: ['.mkv'] },
};

const allowed: readonly UploadMimeType[] = limits.upload.allowedMimeTypes;

function isAllowed(type: string): type is UploadMimeType {
  return (allowed as readonly string[]).includes(type);
}

/** "MP4, WebM, MOV, AVI or MKV". */
export const supportedFormatsText = (() => {
  const labels = allowed.map((type) => videoFormats[type].label);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`;
})();

/** The file input's `accept`: MIME types plus extensions (some systems report no type for .mkv or .avi). */
export const acceptAttribute = allowed.flatMap((type) => [type, ...videoFormats[type].extensions]).join(',');

/**
 * The MIME type to declare for a picked file. Browsers take it from the OS, which may know nothing (`''` for .mkv
 * on many systems) or use an alias (`video/avi`); then the extension decides. Anything else is passed through so
 * validation can name it as unsupported.
 */
export function mimeTypeOf(file: { name: string; type: string }): string {
  if (isAllowed(file.type)) return file.type;
  const name = file.name.toLowerCase();
  const byExtension = allowed.find((type) => videoFormats[type].extensions.some((ext) => name.endsWith(ext)));
  if (byExtension && (file.type === '' || file.type.startsWith('video/'))) return byExtension;
  return file.type;
}
