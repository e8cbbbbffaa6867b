package dev.kinora.videos.captions;

/**
 * Where a track's files live: under the video's own media prefix, so the media access rules of the
 * video (signed cookies on AWS, the front door's check locally) cover them, and deleting the video
 * deletes them.
 */
public final class CaptionKeys {
  private CaptionKeys() {}

  public static String master(String videoId) {
    return "media/" + videoId + "/master.m3u8";
  }

  public static String vtt(String videoId, String language) {
    return "media/" + videoId + "/captions/" + language + ".vtt";
  }

  public static String playlist(String videoId, String language) {
    return "media/" + videoId + "/captions/" + language + ".m3u8";
  }

  /** The rendition's URI relative to the master. */
  public static String playlistFromMaster(String language) {
    return "captions/" + language + ".m3u8";
  }
}
