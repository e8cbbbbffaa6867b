package dev.kinora.videos;

/** Port: the stored bytes of a video (renditions in the media bucket, the original in raw). */
public interface MediaStore {

  /** Deletes every object under {@code media/{videoId}/}. */
  void deleteMedia(String videoId);

  /**
   * Copies one object of the media bucket (headers included).
   *
   * @return false when there is nothing at {@code fromKey}
   */
  boolean copyMediaObject(String fromKey, String toKey);

  /** Deletes one object of the media bucket; nothing when it is not there. */
  void deleteMediaObject(String key);

  /** Deletes the uploaded original; nothing when {@code sourceKey} is null. */
  void deleteSource(String sourceKey);
}
