package dev.kinora.videos;

/** Port: the stored bytes of a video (renditions in the media bucket, the original in raw). */
public interface MediaStore {

  /** Deletes every object under {@code media/{videoId}/}. */
  void deleteMedia(String videoId);

  /** Deletes the uploaded original; nothing when {@code sourceKey} is null. */
  void deleteSource(String sourceKey);
}
