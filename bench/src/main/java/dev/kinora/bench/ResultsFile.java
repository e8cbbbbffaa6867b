package dev.kinora.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one benchmark run as pretty-printed JSON to {@code bench/results/<name>-<UTC time>.json};
 * every run adds a file, nothing is overwritten.
 */
public final class ResultsFile {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsFile() {}

  /** The file name for a run of {@code benchmark} started at {@code startedAt}. */
  public static String fileName(String benchmark, Instant startedAt) {
    return benchmark + "-" + STAMP.format(startedAt) + ".json";
  }

  public static String toJson(Object results) throws IOException {
    return JSON.writeValueAsString(results) + "\n";
  }

  public static Path write(Path resultsDir, String benchmark, Instant startedAt, Object results)
      throws IOException {
    Files.createDirectories(resultsDir);
    Path file = resultsDir.resolve(fileName(benchmark, startedAt));
    int suffix = 1;
    while (Files.exists(file)) {
      file =
          resultsDir.resolve(
              fileName(benchmark, startedAt).replace(".json", "-" + suffix++ + ".json"));
    }
    Files.writeString(file, toJson(results));
    return file;
  }
}
