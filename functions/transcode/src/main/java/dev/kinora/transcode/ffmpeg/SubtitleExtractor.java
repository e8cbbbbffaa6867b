package dev.kinora.transcode.ffmpeg;

import dev.kinora.shared.captions.CaptionFiles;
import dev.kinora.shared.captions.CaptionLanguages;
import dev.kinora.shared.hls.SubtitlePlaylists;
import dev.kinora.shared.log.Log;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the source's text subtitle streams as caption tracks: each is converted to WebVTT by
 * ffmpeg, then read back by {@link CaptionFiles} (the same rules an owner's upload meets) and
 * written cleaned, with its subtitle playlist. A track never fails the video: a stream that cannot
 * be converted, is empty, or repeats a language already kept is skipped with a log line, and so are
 * image-based streams (PGS, DVB), which would need OCR.
 */
public final class SubtitleExtractor {
  private static final System.Logger LOG = Log.logger(SubtitleExtractor.class);
  public static final String DIRECTORY = "captions";

  private final FfmpegBinaries binaries;
  private final CaptionFiles files;
  private final int maxTracks;

  public SubtitleExtractor(FfmpegBinaries binaries, int maxCues, int maxTracks) {
    this.binaries = binaries;
    this.files = new CaptionFiles(maxCues);
    this.maxTracks = maxTracks;
  }

  public List<ExtractedCaption> extract(Path source, MediaInfo info, Path outDir, Duration timeout)
      throws IOException {
    List<ExtractedCaption> kept = new ArrayList<>();
    Set<String> languages = new HashSet<>();
    for (SubtitleStream stream : info.subtitles()) {
      if (!stream.isText()) {
        LOG.log(
            Level.INFO,
            "subtitle stream {0} ({1}) is image-based; not kept as captions",
            stream.index(),
            stream.codec());
        continue;
      }
      String language = CaptionLanguages.fromStreamTag(stream.language());
      if (!languages.add(language) || kept.size() >= maxTracks) {
        LOG.log(
            Level.INFO,
            "subtitle stream {0}: a track in {1} is already kept (or the maximum); skipped",
            stream.index(),
            language);
        continue;
      }
      Path directory = Files.createDirectories(outDir.resolve(DIRECTORY));
      Path raw = directory.resolve(language + ".ffmpeg.vtt");
      List<String> command =
          new ArrayList<>(
              List.of(
                  binaries.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y", "-v", "error"));
      command.addAll(SafeInput.forcing(info.formatName(), source));
      command.addAll(
          List.of("-map", "0:" + stream.index(), "-c:s", "webvtt", "-f", "webvtt", raw.toString()));
      FfmpegProcess.Result result = FfmpegProcess.run(command, timeout, line -> {});
      if (!result.succeeded() || !Files.isRegularFile(raw)) {
        LOG.log(
            Level.WARNING,
            "subtitle stream {0} could not be converted: {1}",
            stream.index(),
            result.stderrText());
        Files.deleteIfExists(raw);
        continue;
      }
      CaptionFiles.Result read = files.read(Files.readAllBytes(raw), CaptionFiles.Format.VTT);
      Files.delete(raw);
      if (!(read instanceof CaptionFiles.Parsed parsed)) {
        LOG.log(
            Level.WARNING,
            "subtitle stream {0} is not usable: {1}",
            stream.index(),
            ((CaptionFiles.Invalid) read).problems().getFirst().describe());
        continue;
      }
      Files.writeString(directory.resolve(language + ".vtt"), parsed.vtt(), StandardCharsets.UTF_8);
      Files.writeString(
          directory.resolve(language + ".m3u8"),
          SubtitlePlaylists.render(
              language + ".vtt", Math.max(info.durationSeconds(), parsed.lastEndMillis() / 1000.0)),
          StandardCharsets.UTF_8);
      kept.add(
          new ExtractedCaption(
              language, label(stream, language), stream.hearingImpaired(), parsed.cues().size()));
    }
    return kept;
  }

  /** The stream's title when it is a usable label, else the language's English name. */
  static String label(SubtitleStream stream, String language) {
    String title = stream.title() == null ? "" : stream.title().strip();
    if (!title.isEmpty()
        && title.length() <= 40
        && title.chars().noneMatch(c -> c < 0x20 || c == '"')) {
      return title;
    }
    if (language.equals(CaptionLanguages.UNDETERMINED)) {
      return "Unknown language";
    }
    String name = Locale.forLanguageTag(language).getDisplayName(Locale.ENGLISH);
    return name.isEmpty() ? language : name;
  }
}
