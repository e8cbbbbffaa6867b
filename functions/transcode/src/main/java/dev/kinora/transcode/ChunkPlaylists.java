package dev.kinora.transcode;

import dev.kinora.transcode.ChunkResult.RungSegments;
import dev.kinora.transcode.ChunkResult.Segment;
import dev.kinora.transcode.ffmpeg.HlsVariant;
import dev.kinora.transcode.ffmpeg.Rung;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The playlists of a chunked video: each chunk's own playlist read into a {@link RungSegments}, and
 * the chunks of one rung stitched into one VOD playlist. Chunks are encoded with their start as
 * timestamp offset, so the media timeline already runs on across chunks; each chunk brings its own
 * init segment, so an {@code EXT-X-MAP} precedes its first segment (HLS allows a new map between
 * segments). There is no {@code EXT-X-DISCONTINUITY}: timestamps, codecs and track layout do not
 * change at a chunk boundary.
 */
public final class ChunkPlaylists {
  private ChunkPlaylists() {}

  /** Reads a rung's playlist ffmpeg wrote for one chunk, with the sizes of its segments. */
  public static RungSegments read(Rung rung, Path playlistDir, String codecs, double frameRate)
      throws IOException {
    String init = null;
    List<Segment> segments = new ArrayList<>();
    double pendingDuration = -1;
    for (String line :
        Files.readAllLines(playlistDir.resolve("index.m3u8"), StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#EXT-X-MAP:")) {
        int start = trimmed.indexOf("URI=\"") + 5;
        init = trimmed.substring(start, trimmed.indexOf('"', start));
      } else if (trimmed.startsWith("#EXTINF:")) {
        String value = trimmed.substring("#EXTINF:".length());
        int comma = value.indexOf(',');
        pendingDuration = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
      } else if (!trimmed.isEmpty() && !trimmed.startsWith("#") && pendingDuration >= 0) {
        segments.add(
            new Segment(trimmed, pendingDuration, Files.size(playlistDir.resolve(trimmed))));
        pendingDuration = -1;
      }
    }
    if (init == null || segments.isEmpty()) {
      throw new IOException(playlistDir.resolve("index.m3u8") + " has no init or no segment");
    }
    return new RungSegments(
        rung.name(),
        rung.width(),
        rung.height(),
        rung.videoKbps(),
        rung.audioKbps(),
        codecs,
        frameRate,
        init,
        segments);
  }

  /** One rung's VOD playlist over every chunk, in chunk order. */
  public static String variant(List<RungSegments> chunks) {
    long target = 1;
    for (RungSegments chunk : chunks) {
      for (Segment segment : chunk.segments()) {
        target = Math.max(target, (long) Math.ceil(segment.durationSeconds()));
      }
    }
    StringBuilder text =
        new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n")
            .append("#EXT-X-TARGETDURATION:")
            .append(target)
            .append('\n')
            .append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n")
            .append("#EXT-X-INDEPENDENT-SEGMENTS\n");
    for (RungSegments chunk : chunks) {
      text.append("#EXT-X-MAP:URI=\"").append(chunk.init()).append("\"\n");
      for (Segment segment : chunk.segments()) {
        text.append(String.format(Locale.ROOT, "#EXTINF:%.6f,\n", segment.durationSeconds()))
            .append(segment.uri())
            .append('\n');
      }
    }
    return text.append("#EXT-X-ENDLIST\n").toString();
  }

  /**
   * The master playlist line of a rung over every chunk, bandwidths measured from the segment sizes
   * like {@link HlsVariant#measure} does for a whole video.
   */
  public static HlsVariant masterEntry(List<RungSegments> chunks) {
    RungSegments first = chunks.getFirst();
    double peak = 0;
    double totalBits = 0;
    double totalSeconds = 0;
    for (RungSegments chunk : chunks) {
      for (Segment segment : chunk.segments()) {
        double bits = segment.bytes() * 8.0;
        if (segment.durationSeconds() > 0) {
          peak = Math.max(peak, bits / segment.durationSeconds());
        }
        totalBits += bits;
        totalSeconds += segment.durationSeconds();
      }
    }
    return new HlsVariant(
        new Rung(first.rung(), first.width(), first.height(), first.videoKbps(), first.audioKbps()),
        first.rung() + "/index.m3u8",
        (long) Math.ceil(peak),
        (long) Math.ceil(totalSeconds == 0 ? 0 : totalBits / totalSeconds),
        first.codecs(),
        first.frameRate());
  }
}
