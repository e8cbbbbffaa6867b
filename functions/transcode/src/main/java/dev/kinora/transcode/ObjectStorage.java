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

  /** Writes a small object from memory (playlists, the chunk bookkeeping under {@code work/}). */
  void put(String bucket, String key, byte[] bytes, String contentType, String cacheControl)
      throws IOException;

  /**
   * Copies an object within {@code bucket} (S3 {@code CopyObject}), stored with these headers in
   * place of the source's.
   */
  void copy(String bucket, String fromKey, String toKey, String contentType, String cacheControl)
      throws IOException;

  /**
   * Reads a small object whole.
   *
   * @throws IOException also when it is larger than {@code maxBytes}
   */
  byte[] get(String bucket, String key, int maxBytes) throws IOException;
}
