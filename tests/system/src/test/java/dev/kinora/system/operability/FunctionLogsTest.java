package dev.kinora.system.operability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.FunctionCode;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's view of a running cloud: every function's JSON lines land in its log file, {@code
 * ./kinora logs <Function>} shows them, the lines carry request id, function and user, EMF metric
 * lines sit beside them, and no password or session cookie is ever written. Its own cloud with a
 * state directory (the shared test cloud is in memory and keeps no log files).
 */
class FunctionLogsTest {
  @TempDir static Path state;
  private static LocalCloud cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud =
        LocalCloud.builder()
            .root(root())
            .stateDir(state)
            .port(0)
            .functionCode(FunctionCode.CLASSPATH)
            .start();
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void kinoraLogsShowsTheFunctionsJsonLinesWithRequestAndUserButNoSecrets() throws Exception {
    Visitor ada = Visitor.signedUp(cloud);
    Visitor.Reply upload =
        ada.post(
            "/api/v1/uploads",
            "{\"filename\":\"a.mp4\",\"fileSize\":1000,\"mimeType\":\"video/mp4\"}");
    assertThat(upload.status()).isEqualTo(201);
    String requestId = upload.raw().headers().firstValue("apigw-requestid").orElse(null);

    var command =
        new ProcessBuilder(
                root().resolve("kinora").toString(), "logs", "UploadsFunction", "--no-follow")
            .redirectErrorStream(true);
    // this cloud's logs, not the ones a developer's ./kinora up left in .kinora/local-cloud.logs
    command.environment().put("KINORA_LOGS_DIR", cloud.logsDirectory().toString());
    Process logs = command.start();
    String output = new String(logs.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(logs.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(logs.exitValue()).as(output).isZero();

    List<JsonNode> lines =
        output.lines().filter(l -> l.startsWith("{")).map(FunctionLogsTest::json).toList();
    JsonNode access =
        lines.stream()
            .filter(l -> "request".equals(l.path("message").asText()))
            .filter(l -> "/api/v1/uploads".equals(l.path("path").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no access line in:\n" + output));
    assertThat(access.path("userId").asText()).isEqualTo(ada.userId());
    assertThat(access.path("status").asInt()).isEqualTo(201);
    assertThat(access.path("function").asText()).contains("uploads");
    assertThat(access.path("requestId").asText()).isNotBlank();
    if (requestId != null) {
      assertThat(access.path("requestId").asText()).isEqualTo(requestId);
    }
    assertThat(lines)
        .as("the upload's EMF metric line")
        .anySatisfy(
            l -> {
              assertThat(l.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Kinora");
              assertThat(l.path("UploadsStarted").asInt()).isEqualTo(1);
            });

    String everything;
    try (Stream<Path> files = Files.list(cloud.logsDirectory())) {
      everything = String.join("\n", files.map(FunctionLogsTest::read).toList());
    }
    assertThat(everything).contains("/api/v1/auth/signup");
    assertThat(everything)
        .as("no function logs a password or a session")
        .doesNotContain(Visitor.PASSWORD, ada.session().orElseThrow());
  }

  private static JsonNode json(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path root() {
    return Path.of(System.getProperty("kinora.root", "../..")).toAbsolutePath().normalize();
  }
}
