package dev.kinora.transcode;

import java.io.IOException;
import java.nio.file.Path;

/** What the transcode needs from object storage: read the original, write the media. */
public interface ObjectStorage {

  /** The object's size in bytes. */
  long size(String bucket, String key);

  /**
   * Streams the object into {@code target} (never whole into memory).
   *
   * @throws IOException also when the object turns out larger than {@code maxBytes}
   */
  void download(String bucket, String key, Path target, long maxBytes) throws IOException;

  /** Writes {@code file} as the object, with the headers the CDN passes on to players. */
  void upload(String bucket, String key, Path file, String contentType, String cacheControl)
      throws IOException;
}
