package dev.kinora.transcode.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a source with ffprobe (JSON) and rejects, with the reason the uploader reads, anything that
 * is not a real video: the rules are in {@link SourceRules}.
 */
public final class Probe {
  private final FfmpegBinaries binaries;
  private final Duration timeout;
  private final TranscodeSettings settings;

  public Probe(FfmpegBinaries binaries, Duration timeout) {
    this(binaries, timeout, TranscodeSettings.load());
  }

  Probe(FfmpegBinaries binaries, Duration timeout, TranscodeSettings settings) {
    this.binaries = binaries;
    this.timeout = timeout;
    this.settings = settings;
  }

  /**
   * @throws RejectedMediaException the source is not a video we accept; the message says why
   * @throws IOException the source or ffprobe could not be run (worth retrying)
   */
  public MediaInfo probe(Path source) throws RejectedMediaException, IOException {
    SourceFile file = SourceFile.read(source);
    Optional<String> fileProblem = SourceRules.firstViolation(SourceRules.fileRules(), file);
    if (fileProblem.isPresent()) {
      throw new RejectedMediaException(fileProblem.get());
    }
    JsonNode report = runFfprobe(source, file);
    SourceRules.ProbedMedia media = read(report);
    Optional<String> mediaProblem =
        SourceRules.firstViolation(SourceRules.mediaRules(settings), media);
    if (mediaProblem.isPresent()) {
      throw new RejectedMediaException(mediaProblem.get());
    }
    return new MediaInfo(
        media.durationSeconds(),
        media.displayWidth(),
        media.displayHeight(),
        media.frameRate(),
        media.hasAudio(),
        media.rotation(),
        media.formatName(),
        subtitles(report));
  }

  /** Every subtitle stream of the report, in stream order. */
  static List<SubtitleStream> subtitles(JsonNode report) {
    List<SubtitleStream> subtitles = new ArrayList<>();
    for (JsonNode stream : report.path("streams")) {
      if ("subtitle".equals(stream.path("codec_type").asText())) {
        JsonNode tags = stream.path("tags");
        subtitles.add(
            new SubtitleStream(
                stream.path("index").asInt(),
                stream.path("codec_name").asText(""),
                tags.hasNonNull("language") ? tags.path("language").asText() : null,
                tags.hasNonNull("title") ? tags.path("title").asText() : null,
                stream.path("disposition").path("hearing_impaired").asInt(0) == 1));
      }
    }
    return subtitles;
  }

  private JsonNode runFfprobe(Path source, SourceFile file)
      throws IOException, RejectedMediaException {
    List<String> command = new ArrayList<>();
    command.add(binaries.ffprobe().toString());
    command.addAll(List.of("-v", "error", "-print_format", "json", "-show_format"));
    command.add("-show_streams");
    command.addAll(SafeInput.of(source));
    StringBuilder json = new StringBuilder();
    FfmpegProcess.Result result =
        FfmpegProcess.run(command, timeout, line -> json.append(line).append('\n'));
    if (result.timedOut()) {
      throw new RejectedMediaException(
          "The file could not be read within " + timeout.toSeconds() + " seconds.");
    }
    if (!result.succeeded()) {
      String stderr = result.stderrText();
      if (file.startsWithIsoBox() && stderr.contains("moov atom not found")) {
        throw new RejectedMediaException(
            "The file is incomplete: its index is missing"
                + " (the upload or the recording was cut short).");
      }
      throw new RejectedMediaException(
          "The file is not a video Kinora can read: it is damaged or not in one of the accepted"
              + " formats (MP4, MOV, WebM, MKV, AVI).");
    }
    return Json.mapper().readTree(json.toString());
  }

  private static SourceRules.ProbedMedia read(JsonNode report) {
    JsonNode format = report.path("format");
    JsonNode video = null;
    boolean hasAudio = false;
    for (JsonNode stream : report.path("streams")) {
      String type = stream.path("codec_type").asText();
      if ("audio".equals(type)) {
        hasAudio = true;
      } else if ("video".equals(type)
          && video == null
          // cover art in an MP4 is a one-picture "video" stream; it is not the video
          && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
        video = stream;
      }
    }
    if (video == null) {
      return new SourceRules.ProbedMedia(
          false, 0, 0, 0, 0, 0, hasAudio, format.path("format_name").asText(), 1);
    }
    double duration = number(format.path("duration"));
    if (!(duration > 0)) {
      duration = number(video.path("duration"));
    }
    double frameRate = rational(video.path("avg_frame_rate").asText());
    if (!(frameRate > 0)) {
      frameRate = rational(video.path("r_frame_rate").asText());
    }
    return new SourceRules.ProbedMedia(
        true,
        video.path("width").asInt(0),
        video.path("height").asInt(0),
        rotation(video),
        duration,
        frameRate,
        hasAudio,
        format.path("format_name").asText(),
        rational(video.path("sample_aspect_ratio").asText().replace(':', '/')));
  }

  /**
   * Clockwise degrees the picture must be turned for display, 0/90/180/270. Newer ffprobe reports
   * the display matrix in {@code side_data_list[].rotation} (counter-clockwise, so -90 means a
   * phone held upright), older files and tools {@code tags.rotate} (clockwise).
   */
  static int rotation(JsonNode video) {
    for (JsonNode sideData : video.path("side_data_list")) {
      if (sideData.has("rotation")) {
        return normalize(-sideData.path("rotation").asInt());
      }
    }
    JsonNode rotate = video.path("tags").path("rotate");
    return rotate.isMissingNode() ? 0 : normalize((int) number(rotate));
  }

  private static int normalize(int degrees) {
    int quarterTurns = Math.round(degrees / 90f);
    return Math.floorMod(quarterTurns * 90, 360);
  }

  private static double number(JsonNode value) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    try {
      return Double.parseDouble(value.asText());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static double rational(String text) {
    int slash = text.indexOf('/');
    try {
      if (slash < 0) {
        return Double.parseDouble(text);
      }
      double denominator = Double.parseDouble(text.substring(slash + 1));
      return denominator == 0 ? 0 : Double.parseDouble(text.substring(0, slash)) / denominator;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
