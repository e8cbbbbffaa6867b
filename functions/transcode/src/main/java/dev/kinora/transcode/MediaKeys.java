package dev.kinora.transcode;

/**
 * Where a video's media live (docs/data-model.md "Media layout"): keys in the media bucket, and the
 * same-origin URLs the CDN serves them at (the key with a leading slash).
 */
public final class MediaKeys {
  public static final String MASTER_PLAYLIST = "master.m3u8";
  public static final String STORYBOARD = "storyboard.jpg";

  private MediaKeys() {}

  /** {@code media/{videoId}/}. */
  public static String prefix(String videoId) {
    return "media/" + videoId + "/";
  }

  /** The CDN path of a key: {@code media/x/master.m3u8} → {@code /media/x/master.m3u8}. */
  public static String url(String key) {
    return "/" + key;
  }
}
