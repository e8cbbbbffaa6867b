package dev.kinora.transcode.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One variant line of a master playlist, with its bandwidths measured from the segments written
 * rather than taken from ffmpeg, whose figure (nominal bitrate × 1.1) can under-state the real peak
 * and make players pick a rendition the network cannot carry.
 *
 * @param uri the variant playlist relative to the master, e.g. {@code 720p/index.m3u8}
 * @param peakBitsPerSecond the largest segment's bytes × 8 ÷ its duration (BANDWIDTH)
 * @param averageBitsPerSecond all segments' bytes × 8 ÷ their total duration (AVERAGE-BANDWIDTH)
 * @param codecs the RFC 6381 codecs string, e.g. {@code avc1.64001f,mp4a.40.2}
 */
public record HlsVariant(
    Rung rung,
    String uri,
    long peakBitsPerSecond,
    long averageBitsPerSecond,
    String codecs,
    double frameRate) {

  /** Measures the finished rung in {@code playlistDir} ({@code index.m3u8} and its segments). */
  public static HlsVariant measure(Rung rung, Path playlistDir, String codecs, double frameRate)
      throws IOException {
    List<String> lines =
        Files.readAllLines(playlistDir.resolve("index.m3u8"), StandardCharsets.UTF_8);
    double peak = 0;
    double totalBits = 0;
    double totalSeconds = 0;
    double pendingDuration = -1;
    for (String line : lines) {
      if (line.startsWith("#EXTINF:")) {
        String value = line.substring("#EXTINF:".length());
        int comma = value.indexOf(',');
        pendingDuration = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
      } else if (!line.isBlank() && !line.startsWith("#") && pendingDuration > 0) {
        double bits = Files.size(playlistDir.resolve(line.trim())) * 8.0;
        peak = Math.max(peak, bits / pendingDuration);
        totalBits += bits;
        totalSeconds += pendingDuration;
        pendingDuration = -1;
      }
    }
    if (totalSeconds == 0) {
      throw new IOException(playlistDir.resolve("index.m3u8") + " lists no segment");
    }
    return new HlsVariant(
        rung,
        playlistDir.getFileName() + "/index.m3u8",
        (long) Math.ceil(peak),
        (long) Math.ceil(totalBits / totalSeconds),
        codecs,
        frameRate);
  }
}
