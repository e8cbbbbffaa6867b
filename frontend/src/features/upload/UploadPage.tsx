import { ComingSoon } from '../../components/ComingSoon';
import { limits } from '../../contract/generated/limits.gen';
import { formatBytes } from '../../lib/format/bytes';

export function UploadPage() {
  return (
    <ComingSoon title="Upload">
      Uploading is coming soon, for videos up to {formatBytes(limits.upload.maxFileSizeBytes)}.
    </ComingSoon>
  );
}
