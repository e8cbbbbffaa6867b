package dev.kinora.transcode.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The master playlist: one {@code EXT-X-STREAM-INF} per ready variant, largest first. */
public final class MasterPlaylist {
  private MasterPlaylist() {}

  public static String render(List<HlsVariant> variants) {
    StringBuilder text =
        new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    variants.stream()
        .sorted(Comparator.comparingLong(HlsVariant::peakBitsPerSecond).reversed())
        .forEach(
            variant ->
                text.append(
                        String.format(
                            Locale.ROOT,
                            "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%dx%d,"
                                + "FRAME-RATE=%.3f,CODECS=\"%s\"\n",
                            variant.peakBitsPerSecond(),
                            variant.averageBitsPerSecond(),
                            variant.rung().width(),
                            variant.rung().height(),
                            variant.frameRate(),
                            variant.codecs()))
                    .append(variant.uri())
                    .append('\n'));
    return text.toString();
  }

  /**
   * Replaces {@code file} in one step (write aside, then rename), so a reader or uploader never
   * sees half a playlist.
   */
  public static void write(Path file, List<HlsVariant> variants) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, render(variants), StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
