package dev.kinora.accounts;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Port: the media bucket's avatar objects, as the avatar service needs them. */
public interface AvatarStorage {

  /** What the storage holds under a key: its declared type and its length in bytes. */
  record StoredImage(String contentType, long size) {}

  /**
   * A URL that lets the browser PUT exactly one object to {@code key}: the content type and the
   * length are part of the signature, so the storage refuses any other.
   */
  URI presignPut(String key, String contentType, long size, Duration validFor);

  /** The object's type and size, or empty if nothing is stored under the key. */
  Optional<StoredImage> head(String key);

  /** Deletes the object if it exists. */
  void delete(String key);
}
