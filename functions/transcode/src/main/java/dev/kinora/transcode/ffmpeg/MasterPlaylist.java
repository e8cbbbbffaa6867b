package dev.kinora.transcode.ffmpeg;

import dev.kinora.shared.hls.MasterPlaylists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The master playlist: one {@code EXT-X-STREAM-INF} per ready variant, largest first, plus the
 * caption tracks as a subtitle group. Rendered by the shared {@link MasterPlaylists}, the same
 * renderer the videos context uses when an owner adds or removes a track.
 */
public final class MasterPlaylist {
  private MasterPlaylist() {}

  public static String render(List<HlsVariant> variants) {
    return render(variants, List.of());
  }

  public static String render(List<HlsVariant> variants, List<ExtractedCaption> captions) {
    return MasterPlaylists.render(
        variants.stream()
            .sorted(Comparator.comparingLong(HlsVariant::peakBitsPerSecond).reversed())
            .map(
                variant ->
                    new MasterPlaylists.Variant(
                        String.format(
                            Locale.ROOT,
                            "BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%dx%d,"
                                + "FRAME-RATE=%.3f,CODECS=\"%s\"",
                            variant.peakBitsPerSecond(),
                            variant.averageBitsPerSecond(),
                            variant.rung().width(),
                            variant.rung().height(),
                            variant.frameRate(),
                            variant.codecs()),
                        variant.uri()))
            .toList(),
        subtitles(captions));
  }

  /** The subtitle renditions of kept tracks ({@code captions/{language}.m3u8}). */
  public static List<MasterPlaylists.Subtitle> subtitles(List<ExtractedCaption> captions) {
    return captions.stream()
        .map(
            caption ->
                new MasterPlaylists.Subtitle(
                    caption.language(),
                    caption.label(),
                    caption.captions(),
                    SubtitleExtractor.DIRECTORY + "/" + caption.language() + ".m3u8"))
        .toList();
  }

  /**
   * Replaces {@code file} in one step (write aside, then rename), so a reader or uploader never
   * sees half a playlist.
   */
  public static void write(Path file, List<HlsVariant> variants) throws IOException {
    write(file, variants, List.of());
  }

  public static void write(Path file, List<HlsVariant> variants, List<ExtractedCaption> captions)
      throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, render(variants, captions), StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
