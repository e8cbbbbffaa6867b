package dev.kinora.transcode.mediaconvert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample events under the repository's {@code events/} folder. */
final class SampleEvents {
  static final String COMPLETE = "mediaconvert-job-complete.json";
  static final String ERROR = "mediaconvert-job-error.json";

  /** The video ids the sample events carry in their user metadata. */
  static final String COMPLETED_VIDEO = "Vq3xK9mZ2aB";

  static final String FAILED_VIDEO = "Tx7pL2wQ9cR";

  private SampleEvents() {}

  static Path path(String name) {
    return Path.of(System.getProperty("kinora.root", "../.."), "events", name);
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mutable copy, for variations of the sample. */
  static ObjectNode tree(String name) {
    try {
      return (ObjectNode) Json.mapper().readTree(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
