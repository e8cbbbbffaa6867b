package dev.kinora.transcode.ffmpeg;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every rule a source must pass before it is transcoded, in one place. A rule answers either
 * nothing (allowed) or the reason the uploader reads. File rules look at the raw bytes before any
 * ffmpeg code touches them; media rules look at what ffprobe found.
 */
final class SourceRules {

  /** A named rule: {@code check} returns the rejection reason, or empty when the source passes. */
  record Rule<T>(String name, Function<T, Optional<String>> check) {}

  /** What ffprobe found, before it becomes a {@link MediaInfo}. */
  record ProbedMedia(
      boolean hasVideo,
      int storedWidth,
      int storedHeight,
      int rotation,
      double durationSeconds,
      double frameRate,
      boolean hasAudio,
      String formatName,
      double pixelAspect) {

    /** Width as shown: non-square pixels (anamorphic video) widened, then rotated. */
    int displayWidth() {
      return rotation % 180 == 0 ? shownWidth() : storedHeight;
    }

    int displayHeight() {
      return rotation % 180 == 0 ? storedHeight : shownWidth();
    }

    private int shownWidth() {
      return pixelAspect > 0 && pixelAspect != 1
          ? (int) Math.round(storedWidth * pixelAspect)
          : storedWidth;
    }
  }

  private SourceRules() {}

  static List<Rule<SourceFile>> fileRules() {
    return List.of(
        new Rule<>(
            "not empty",
            file -> reject(file.size() == 0, "The file is empty (0 bytes), so there is no video.")),
        new Rule<>(
            "not an HLS playlist",
            file ->
                reject(
                    file.startsWith("#EXTM3U"),
                    "The file is an HLS playlist (a text list of links), not a video.")),
        new Rule<>(
            "not a concat list",
            file ->
                reject(
                    file.startsWith("ffconcat"),
                    "The file is an ffmpeg concat list (a text list of files), not a video.")),
        new Rule<>(
            "not text", file -> reject(file.looksLikeText(), "The file is text, not a video.")),
        new Rule<>(
            "complete",
            file ->
                reject(
                    file.isoBoxCut(),
                    "The file is incomplete: it ends before the video data does"
                        + " (the upload or the recording was cut short).")));
  }

  static List<Rule<ProbedMedia>> mediaRules(TranscodeSettings settings) {
    return List.of(
        new Rule<>(
            "has a video stream",
            media ->
                reject(
                    !media.hasVideo(),
                    "The file has no video stream (audio only or no picture at all).")),
        new Rule<>(
            "sensible dimensions",
            media ->
                reject(
                    Math.min(media.storedWidth(), media.storedHeight()) < settings.minDimension()
                        || Math.max(media.storedWidth(), media.storedHeight())
                            > settings.maxDimension()
                        || Math.max(media.displayWidth(), media.displayHeight())
                            > settings.maxDimension(),
                    String.format(
                        Locale.ROOT,
                        "The video is %dx%d pixels; each side must be between %d and %d pixels.",
                        media.storedWidth(),
                        media.storedHeight(),
                        settings.minDimension(),
                        settings.maxDimension()))),
        new Rule<>(
            "has a duration",
            media ->
                reject(
                    !(media.durationSeconds() > 0),
                    "The video has no duration (0 seconds), so there is nothing to play.")),
        new Rule<>(
            "not too long",
            media ->
                reject(
                    media.durationSeconds() > settings.maxDurationSeconds(),
                    "The video is "
                        + length(media.durationSeconds())
                        + " long; the limit is "
                        + length(settings.maxDurationSeconds())
                        + ".")),
        new Rule<>(
            "has a frame rate",
            media ->
                reject(
                    !(media.frameRate() > 0),
                    "The video's frame rate cannot be read, so it cannot be played back.")));
  }

  /** The first rule the value breaks, as its reason. */
  static <T> Optional<String> firstViolation(List<Rule<T>> rules, T value) {
    for (Rule<T> rule : rules) {
      Optional<String> reason = rule.check().apply(value);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> reject(boolean broken, String reason) {
    return broken ? Optional.of(reason) : Optional.empty();
  }

  private static String length(double seconds) {
    if (seconds < 60) {
      return Math.round(seconds) + " s";
    }
    long totalMinutes = (long) Math.ceil(seconds / 60);
    return totalMinutes >= 60
        ? String.format(Locale.ROOT, "%d h %02d min", totalMinutes / 60, totalMinutes % 60)
        : totalMinutes + " min";
  }
}
