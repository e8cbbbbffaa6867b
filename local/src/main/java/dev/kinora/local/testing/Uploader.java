package dev.kinora.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A test helper: the browser's upload flow for one {@link Visitor} — init, presigned part URLs, a
 * PUT of every part straight to S3, complete with metadata — plus a small clip made by the
 * transcode layer's ffmpeg, so cloud tests and benchmarks send real videos through the pipeline.
 */
public final class Uploader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient STORAGE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** How a part PUT to S3 is reported to the visitor's observer (never the presigned URL). */
  public static final String PRESIGNED_PART = "(presigned S3 UploadPart)";

  private Uploader() {}

  /** What an upload attempt answered: the video id, or the failing step with its reply. */
  public record Result(String videoId, String failedStep, int status, String body) {
    public boolean ok() {
      return videoId != null;
    }
  }

  /**
   * Uploads {@code bytes} as {@code owner}'s video with these metadata ({@code title}, {@code
   * visibility}, …) and answers the id of the video now {@code processing}.
   */
  public static Result upload(
      Visitor owner, byte[] bytes, String filename, Map<String, ?> metadata) {
    Visitor.Reply init =
        owner.post(
            "/api/v1/uploads",
            write(Map.of("filename", filename, "fileSize", bytes.length, "mimeType", "video/mp4")));
    if (init.status() / 100 != 2) {
      return failed("init", init);
    }
    String uploadId = init.data().path("id").asText();
    int chunkSize = init.data().path("chunkSize").asInt();
    int parts = init.data().path("totalChunks").asInt();
    List<Integer> numbers = new ArrayList<>();
    for (int part = 1; part <= parts; part++) {
      numbers.add(part);
    }
    Visitor.Reply urls =
        owner.post("/api/v1/uploads/" + uploadId + "/parts", write(Map.of("partNumbers", numbers)));
    if (urls.status() / 100 != 2) {
      return failed("parts", urls);
    }
    for (JsonNode part : urls.data().path("parts")) {
      int number = part.path("partNumber").asInt();
      int from = (number - 1) * chunkSize;
      int to = Math.min(bytes.length, from + chunkSize);
      long started = System.nanoTime();
      int status = put(URI.create(part.path("url").asText()), Arrays.copyOfRange(bytes, from, to));
      owner.report("PUT", PRESIGNED_PART, status, System.nanoTime() - started);
      if (status / 100 != 2) {
        // the URL is presigned: never print it
        return new Result(null, "part " + number + " PUT", status, "");
      }
    }
    Visitor.Reply complete =
        owner.post("/api/v1/uploads/" + uploadId + "/complete", write(metadata));
    if (complete.status() / 100 != 2) {
      return failed("complete", complete);
    }
    return new Result(complete.data().path("id").asText(), null, complete.status(), "");
  }

  private static Result failed(String step, Visitor.Reply reply) {
    return new Result(null, step, reply.status(), reply.raw().body());
  }

  private static int put(URI url, byte[] bytes) {
    try {
      return STORAGE
          .send(
              HttpRequest.newBuilder(url)
                  .timeout(Duration.ofSeconds(120))
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The transcode layer's ffmpeg under the repository root (built by {@code layers/ffmpeg}). */
  public static Path layerFfmpeg(Path root) {
    return root.resolve("layers/ffmpeg/target/layer/bin/ffmpeg");
  }

  /**
   * A {@code seconds}-long {@code width}×{@code height} MP4 (test pattern and a tone) at {@code
   * file}, made once: an existing non-empty file is reused.
   */
  public static Path clip(Path ffmpeg, Path file, int seconds, int width, int height)
      throws IOException, InterruptedException {
    if (Files.isRegularFile(file) && Files.size(file) > 0) {
      return file;
    }
    if (!Files.isExecutable(ffmpeg)) {
      throw new IllegalStateException(
          ffmpeg + " is missing: build the ffmpeg layer first (./mvnw -pl layers/ffmpeg package)");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial.mp4");
    List<String> command =
        List.of(
            ffmpeg.toString(),
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=" + width + "x" + height + ":rate=25",
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
            "-g",
            "25",
            "-c:a",
            "aac",
            "-b:a",
            "64k",
            "-shortest",
            "-movflags",
            "+faststart",
            partial.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "ffmpeg could not make the clip: "
              + new String(output, java.nio.charset.StandardCharsets.UTF_8));
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
