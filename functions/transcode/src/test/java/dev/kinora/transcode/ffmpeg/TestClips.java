package dev.kinora.transcode.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Tiny real clips made by the layer's own ffmpeg, and the layer's binaries: FFMPEG_BIN_DIR if set,
 * else {@code layers/ffmpeg/target/layer/bin} under the repository root ({@code kinora.root}).
 */
final class TestClips {
  private TestClips() {}

  static FfmpegBinaries binaries() {
    String configured = System.getenv("FFMPEG_BIN_DIR");
    Path binDir =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("kinora.root", "../.."))
                .resolve("layers/ffmpeg/target/layer/bin");
    FfmpegBinaries binaries = FfmpegBinaries.fromDirectory(binDir.toAbsolutePath().normalize());
    if (!Files.isExecutable(binaries.ffmpeg()) || !Files.isExecutable(binaries.ffprobe())) {
      throw new IllegalStateException(
          "No ffmpeg layer at "
              + binDir
              + ": build it first (./mvnw -pl layers/ffmpeg install) or set FFMPEG_BIN_DIR");
    }
    return binaries;
  }

  /** A test pattern with (optionally) a sine tone, H.264/AAC in MP4 (index at the end). */
  static Path clip(Path file, int width, int height, double seconds, boolean audio)
      throws IOException {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-f",
            "lavfi",
            "-i",
            String.format(
                Locale.ROOT, "testsrc2=size=%dx%d:rate=25:duration=%.2f", width, height, seconds)));
    if (audio) {
      args.addAll(
          List.of(
              "-f",
              "lavfi",
              "-i",
              String.format(Locale.ROOT, "sine=frequency=440:duration=%.2f", seconds)));
    }
    args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
    if (audio) {
      args.addAll(List.of("-c:a", "aac", "-shortest"));
    }
    return ffmpeg(args, file);
  }

  /**
   * The clip with subtitle streams muxed in as mov_text (MP4's text subtitles), one per SRT file,
   * each tagged with its language (null: no tag).
   */
  static Path withMovText(Path clip, Path file, List<Path> srts, List<String> languages)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("-i", clip.toString()));
    for (Path srt : srts) {
      args.addAll(List.of("-i", srt.toString()));
    }
    args.addAll(List.of("-map", "0:v", "-map", "0:a?"));
    for (int i = 0; i < srts.size(); i++) {
      args.addAll(List.of("-map", (i + 1) + ":0"));
    }
    args.addAll(List.of("-c:v", "copy", "-c:a", "copy", "-c:s", "mov_text"));
    for (int i = 0; i < languages.size(); i++) {
      if (languages.get(i) != null) {
        args.add("-metadata:s:s:" + i);
        args.add("language=" + languages.get(i));
      }
    }
    return ffmpeg(args, file);
  }

  /** The same clip as a phone held upright records it: stored landscape, display rotated 90°. */
  static Path rotated(Path landscapeClip, Path file) throws IOException {
    return ffmpeg(
        List.of("-i", landscapeClip.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90"),
        file);
  }

  /** The clip with its index (moov) moved to the front, as phones and web tools write it. */
  static Path fastStart(Path clip, Path file) throws IOException {
    return ffmpeg(List.of("-i", clip.toString(), "-c", "copy", "-movflags", "+faststart"), file);
  }

  /** An AAC tone without any picture, in an MP4 container. */
  static Path audioOnly(Path file, double seconds) throws IOException {
    return ffmpeg(
        List.of(
            "-f",
            "lavfi",
            "-i",
            String.format(Locale.ROOT, "sine=duration=%.2f", seconds),
            "-c:a",
            "aac",
            "-f",
            "mp4"),
        file);
  }

  /** The first half of {@code clip}'s bytes: an upload cut short. */
  static Path firstHalf(Path clip, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(clip);
    return Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  private static Path ffmpeg(List<String> args, Path output) throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(binaries().ffmpeg().toString(), "-v", "error", "-nostdin", "-y"));
    command.addAll(args);
    command.add(output.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String log = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("ffmpeg could not make " + output + ": " + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return output;
  }
}
