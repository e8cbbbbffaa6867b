package dev.kinora.local.demo;

import dev.kinora.local.demo.DemoCatalog.Clip;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Makes the demo's media: MP4 clips with the ffmpeg of the transcode layer (the binary the pipeline
 * itself runs, so no system ffmpeg is needed), cached by recipe so a second seed or a {@code
 * --fresh} start does not encode them again; PNG avatars drawn in memory.
 */
final class DemoMedia {
  /** drawtext needs a font file; without one the clips simply carry no title overlay. */
  private static final List<Path> FONTS =
      List.of(
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
          Path.of("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
          Path.of("/Library/Fonts/Arial.ttf"));

  private final Path ffmpeg;
  private final Path cache;

  DemoMedia(Path ffmpeg, Path cache) {
    this.ffmpeg = ffmpeg;
    this.cache = cache;
  }

  /** The clip for {@code clip} titled {@code title}, generated once. */
  Path clip(Clip clip, String title) throws IOException, InterruptedException {
    Files.createDirectories(cache);
    String key = Integer.toHexString(title.hashCode());
    Path file = cache.resolve(key + "-" + clip.fileName());
    if (Files.isRegularFile(file) && Files.size(file) > 0) {
      return file;
    }
    if (!Files.isExecutable(ffmpeg)) {
      throw new IllegalStateException(
          ffmpeg + " is missing: build the ffmpeg layer first (./mvnw -pl layers/ffmpeg package)");
    }
    Path titleFile = cache.resolve(key + ".txt");
    Files.writeString(titleFile, title, StandardCharsets.UTF_8);
    Path partial = cache.resolve(file.getFileName() + ".partial.mp4");
    List<String> command = new ArrayList<>();
    command.addAll(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y"));
    command.addAll(List.of("-f", "lavfi", "-i", source(clip)));
    command.addAll(
        List.of(
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=" + clip.toneHz() + ":beep_factor=2:sample_rate=44100"));
    command.addAll(List.of("-vf", filters(clip, titleFile)));
    command.addAll(
        List.of(
            "-t",
            String.valueOf(clip.seconds()),
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-crf",
            "30",
            "-pix_fmt",
            "yuv420p",
            "-g",
            "30",
            "-c:a",
            "aac",
            "-b:a",
            "64k",
            "-shortest",
            "-movflags",
            "+faststart",
            partial.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("ffmpeg could not make " + file.getFileName() + ": " + output);
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /** A source that takes a size gets it; a sized one (life, cellauto) is scaled afterwards. */
  private static String source(Clip clip) {
    String source = clip.source();
    String separator = source.contains("=") ? ":" : "=";
    if (source.contains("s=")) {
      return source + separator + "r=15";
    }
    return source + separator + "s=" + clip.width() + "x" + clip.height() + ":r=15";
  }

  private static String filters(Clip clip, Path titleFile) {
    var filters = new ArrayList<String>();
    filters.add("scale=" + clip.width() + ":" + clip.height() + ":flags=neighbor,setsar=1");
    FONTS.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .ifPresent(
            font ->
                filters.add(
                    String.format(
                        Locale.ROOT,
                        "drawtext=fontfile=%s:textfile=%s:fontcolor=white:fontsize=%d"
                            + ":box=1:boxcolor=black@0.55:boxborderw=%d:x=(w-text_w)/2:y=h-text_h-%d",
                        font,
                        titleFile,
                        Math.max(12, clip.height() / 16),
                        Math.max(4, clip.height() / 60),
                        Math.max(8, clip.height() / 12))));
    return String.join(",", filters);
  }

  /** A 256×256 PNG: a diagonal gradient with the channel's initial. */
  static byte[] avatarPng(String name, int rgbFrom, int rgbTo) {
    int size = 256;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(new GradientPaint(0, 0, new Color(rgbFrom), size, size, new Color(rgbTo)));
      g.fillRect(0, 0, size, size);
      g.setColor(new Color(255, 255, 255, 60));
      g.fillOval(size / 5, size / 5, size * 3 / 5, size * 3 / 5);
      try {
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 128));
        String initial = name.substring(0, 1).toUpperCase(Locale.ROOT);
        var metrics = g.getFontMetrics();
        g.drawString(
            initial,
            (size - metrics.stringWidth(initial)) / 2,
            (size - metrics.getHeight()) / 2 + metrics.getAscent());
      } catch (RuntimeException | LinkageError | InternalError ignored) {
        // a JVM without any font configuration still gets the gradient avatar
      }
    } finally {
      g.dispose();
    }
    var png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
