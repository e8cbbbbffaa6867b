package dev.kinora.uploads;

import dev.kinora.shared.model.UploadStatus;
import java.time.Instant;

/**
 * An upload session as stored: what the API shows plus the storage side (the multipart upload and
 * its key) and whether a completion has assembled the object yet.
 *
 * @param sourceKey the raw bucket key, always {@code raw/{videoId}/source} (never from the client)
 * @param multipartUploadId the storage's id of the multipart upload
 * @param assembled true once the multipart upload of a completed session has been turned into the
 *     object; a completed session that is not assembled yet had its completion interrupted
 */
public record Upload(
    String id,
    String ownerId,
    String channelId,
    String videoId,
    String filename,
    long fileSize,
    String mimeType,
    long chunkSize,
    int totalChunks,
    UploadStatus status,
    String sourceKey,
    String multipartUploadId,
    Instant createdAt,
    Instant expiresAt,
    boolean assembled) {

  /** The raw bucket key of a video's original: the server's choice, never the filename's. */
  static String sourceKey(String videoId) {
    return "raw/" + videoId + "/source";
  }

  /** Past its expiry; an active session in this state is expired even before the job marks it. */
  boolean isPastExpiry(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The status a caller sees: an active session past its expiry is already expired. */
  UploadStatus visibleStatus(Instant now) {
    return status == UploadStatus.ACTIVE && isPastExpiry(now) ? UploadStatus.EXPIRED : status;
  }

  /** Bytes the part {@code partNumber} must hold: the chunk size, except for the last part. */
  long expectedPartSize(int partNumber) {
    return partNumber < totalChunks ? chunkSize : fileSize - chunkSize * (totalChunks - 1L);
  }
}
