package dev.kinora.shared.hls;

import java.util.Locale;

/**
 * The media playlist of one subtitle rendition: the whole WebVTT file as its only segment, as long
 * as the video. RFC 8216 §3.5 lets a WebVTT segment carry every cue of its EXTINF period; without
 * an {@code X-TIMESTAMP-MAP} header, cue time 0 is media time 0 — the start of our fMP4 segments.
 */
public final class SubtitlePlaylists {
  private SubtitlePlaylists() {}

  /**
   * @param vttUri the WebVTT file, relative to the playlist
   * @param durationSeconds the video's duration (at least the last cue's end; callers pass the
   *     larger of the two)
   */
  public static String render(String vttUri, double durationSeconds) {
    double duration = Math.max(durationSeconds, 1);
    return String.format(
        Locale.ROOT,
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:%d\n#EXT-X-MEDIA-SEQUENCE:0\n"
            + "#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:%.3f,\n%s\n#EXT-X-ENDLIST\n",
        (long) Math.ceil(duration),
        duration,
        vttUri);
  }
}
