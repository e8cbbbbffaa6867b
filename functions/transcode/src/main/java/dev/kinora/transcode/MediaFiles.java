package dev.kinora.transcode;

import dev.kinora.shared.contract.Limits.MediaLimits;
import dev.kinora.shared.media.PosterKeys;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP headers each kind of media file is stored with. HLS players insist on the playlist and
 * segment types; segments and images never change once written (a re-transcode writes new names or
 * the same bytes), playlists are kept short-lived so a re-transcode is picked up quickly.
 */
public final class MediaFiles {
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "m3u8", "application/vnd.apple.mpegurl",
          "ts", "video/mp2t",
          "m4s", "video/iso.segment",
          "mp4", "video/mp4",
          "jpg", "image/jpeg",
          "vtt", "text/vtt; charset=utf-8");

  private final String immutable;
  private final String playlist;
  private final String poster;

  public MediaFiles(MediaLimits limits) {
    this.immutable = "public, max-age=" + limits.immutableMaxAgeSeconds() + ", immutable";
    this.playlist = "public, max-age=" + limits.playlistMaxAgeSeconds();
    this.poster = "public, max-age=" + limits.posterMaxAgeSeconds();
  }

  /** The Content-Type for a file name, empty for a kind the transcoder should not produce. */
  public Optional<String> contentType(String fileName) {
    return Optional.ofNullable(CONTENT_TYPES.get(extension(fileName)));
  }

  /**
   * Caption files are replaceable (the owner may upload a new file for the language); the poster is
   * public and moves when its video turns private, so edges keep it only briefly.
   */
  public String cacheControl(String fileName) {
    if (PosterKeys.isPosterFile(fileName)) {
      return poster;
    }
    return isPlaylist(fileName) || "vtt".equals(extension(fileName)) ? playlist : immutable;
  }

  /**
   * The master playlist published while the ladder is still encoding: caches must revalidate it on
   * every request, or a CDN would keep serving the 360p-only master for its max-age after the full
   * one replaced it.
   */
  public String partialMasterCacheControl() {
    return "no-cache";
  }

  public static boolean isPlaylist(String fileName) {
    return "m3u8".equals(extension(fileName));
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
