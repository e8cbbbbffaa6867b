package dev.kinora.transcode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Tiny real clips made by the ffmpeg layer's own binary (layers/ffmpeg/target/layer/bin). */
final class Clips {
  private Clips() {}

  /** The layer's ffprobe, for checking what the pipeline wrote. */
  static Path ffprobe() {
    return ffmpeg().resolveSibling("ffprobe");
  }

  static Path ffmpeg() {
    Path binary =
        SqsMessages.root().resolve("layers/ffmpeg/target/layer/bin/ffmpeg").toAbsolutePath();
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          binary + " is missing: build the layer first (./mvnw -pl layers/ffmpeg package)");
    }
    return binary;
  }

  /** A {@code seconds}-long test pattern with a tone, H.264 + AAC in MP4. */
  static Path withAudio(Path directory, String name, int width, int height, int seconds)
      throws IOException, InterruptedException {
    return withAudio(directory, name, width, height, seconds, List.of());
  }

  /**
   * Like {@link #withAudio(Path, String, int, int, int)} with a keyframe every second (15 frames),
   * as cameras write them: a long video is cut only at keyframes.
   */
  static Path withKeyframeEverySecond(
      Path directory, String name, int width, int height, int seconds)
      throws IOException, InterruptedException {
    return withAudio(directory, name, width, height, seconds, List.of("-g", "15"));
  }

  /** {@code clip} with an SRT muxed in as an MP4 text subtitle stream ({@code mov_text}). */
  static Path withMovText(Path clip, Path srt, String language, Path file)
      throws IOException, InterruptedException {
    run(
        List.of(
            "-i",
            clip.toString(),
            "-i",
            srt.toString(),
            "-map",
            "0:v",
            "-map",
            "0:a",
            "-map",
            "1:0",
            "-c:v",
            "copy",
            "-c:a",
            "copy",
            "-c:s",
            "mov_text",
            "-metadata:s:s:0",
            "language=" + language,
            file.toString()));
    return file;
  }

  private static Path withAudio(
      Path directory, String name, int width, int height, int seconds, List<String> extra)
      throws IOException, InterruptedException {
    Path clip = directory.resolve(name);
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of(
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=" + width + "x" + height + ":rate=15",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:sample_rate=44100",
            "-t",
            String.valueOf(seconds),
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-shortest"));
    arguments.addAll(extra);
    arguments.add(clip.toString());
    run(arguments);
    return clip;
  }

  private static void run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ffmpeg().toString());
    command.addAll(List.of("-hide_banner", "-loglevel", "error", "-y"));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("ffmpeg could not make a clip: " + output);
    }
  }
}
