package dev.kinora.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code shared/contract/vectors/*.json} (the same files the TypeScript suite
 * runs) against the Java validator: the verdict must match, and every pointer listed in {@code
 * paths} must be among the reported issues.
 */
class ContractVectorsTest {
  private static final Contract CONTRACT = Contract.load();

  @TestFactory
  Stream<DynamicNode> everyVectorHasTheExpectedVerdict() throws IOException {
    return VectorFiles.all().stream()
        .map(
            file ->
                DynamicContainer.dynamicContainer(
                    file.fileName(),
                    file.cases().stream()
                        .map(
                            vector ->
                                DynamicTest.dynamicTest(
                                    vector.name(), () -> assertVerdict(file.schema(), vector)))));
  }

  @Test
  void vectorsCoverTheContractBroadly() throws IOException {
    List<VectorFiles.VectorFile> files = VectorFiles.all();
    assertThat(files.stream().mapToInt(file -> file.cases().size()).sum())
        .isGreaterThanOrEqualTo(45);
    assertThat(files)
        .allSatisfy(file -> assertThat(CONTRACT.schemaNames()).contains(file.schema()));
  }

  private static void assertVerdict(String schema, VectorFiles.Vector vector) {
    List<ValidationIssue> issues = CONTRACT.validate(schema, vector.payload());
    if (vector.valid()) {
      assertThat(issues).as("issues of a valid payload").isEmpty();
    } else {
      assertThat(issues).as("issues of an invalid payload").isNotEmpty();
      assertThat(issues.stream().map(ValidationIssue::path).toList())
          .as("reported paths")
          .containsAll(vector.paths());
    }
  }

  /** Reads the vector files from the test classpath (copied from shared/contract/vectors). */
  static final class VectorFiles {
    record Vector(String name, JsonNode payload, boolean valid, List<String> paths) {}

    record VectorFile(String fileName, String schema, List<Vector> cases) {
      Vector named(String caseName) {
        return cases.stream()
            .filter(vector -> vector.name().equals(caseName))
            .findFirst()
            .orElseThrow(() -> new AssertionError(fileName + " has no case " + caseName));
      }
    }

    static List<VectorFile> all() throws IOException {
      Path directory;
      try {
        directory =
            Path.of(
                VectorFiles.class
                    .getClassLoader()
                    .getResource(Contract.RESOURCE_DIRECTORY + "vectors")
                    .toURI());
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      var files = new ArrayList<VectorFile>();
      try (Stream<Path> paths = Files.list(directory)) {
        for (Path path : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          files.add(read(path));
        }
      }
      return files;
    }

    static VectorFile read(String fileName) throws IOException {
      return all().stream()
          .filter(file -> file.fileName().equals(fileName))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No vector file " + fileName));
    }

    private static VectorFile read(Path path) throws IOException {
      JsonNode document = Json.mapper().readTree(path.toFile());
      var cases = new ArrayList<Vector>();
      for (JsonNode vector : document.path("cases")) {
        var paths = new ArrayList<String>();
        vector.path("paths").forEach(pointer -> paths.add(pointer.asText()));
        cases.add(
            new Vector(
                vector.path("name").asText(),
                vector.get("payload"),
                vector.path("valid").asBoolean(),
                paths));
      }
      return new VectorFile(path.getFileName().toString(), document.path("schema").asText(), cases);
    }
  }
}
