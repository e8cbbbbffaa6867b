package dev.kinora.uploads;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Port: the object storage's multipart upload, as the upload service needs it. */
public interface MultipartStorage {

  /** One part the storage holds. */
  record StoredPart(int partNumber, long size, String eTag) {}

  /**
   * Starts a multipart upload at {@code key}.
   *
   * @param filename the client's file name, kept as metadata only (already sanitized)
   * @return the storage's upload id
   */
  String start(String key, String contentType, String filename);

  /** A URL the browser PUTs one part's bytes to, valid for {@code validFor}. */
  URI presignPart(String key, String multipartUploadId, int partNumber, Duration validFor);

  /**
   * Every part stored so far, ascending by part number (all pages).
   *
   * @return empty if the multipart upload no longer exists (completed or aborted)
   */
  Optional<List<StoredPart>> listParts(String key, String multipartUploadId);

  /**
   * Assembles the object from {@code parts}.
   *
   * @return false if the multipart upload no longer exists (completed or aborted before)
   */
  boolean complete(String key, String multipartUploadId, List<StoredPart> parts);

  /** Aborts the multipart upload and deletes its parts; a no-op if it no longer exists. */
  void abort(String key, String multipartUploadId);

  /** The size of the object at {@code key}, if it exists. */
  OptionalLong objectSize(String key);
}
