package dev.kinora.shared.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogTest {
  private static final String SESSION = "kinora_session=Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbg";
  private static final String PRESIGNED =
      "http://127.0.0.1:9003/kinora-raw/uploads/v1/source?partNumber=1&uploadId=abc"
          + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=kinora-local%2F20261202"
          + "&X-Amz-Signature=0123456789abcdef0123456789abcdef";

  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void capture() {
    Log.sink((level, line) -> lines.add(line));
  }

  @AfterEach
  void release() {
    Log.sink(null);
  }

  private JsonNode onlyLine() throws Exception {
    assertThat(lines).hasSize(1);
    return Json.mapper().readTree(lines.get(0));
  }

  @Test
  void aLineIsOneJsonObjectWithRequestIdFunctionAndUser() throws Exception {
    Log.Scope scope = Log.begin("req-7", "u_ada");
    try {
      Log.info("upload started", Map.of("uploadId", "up_1", "parts", 3));
    } finally {
      scope.close();
    }

    JsonNode line = onlyLine();
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("requestId").asText()).isEqualTo("req-7");
    assertThat(line.path("userId").asText()).isEqualTo("u_ada");
    assertThat(line.has("function")).isTrue();
    assertThat(line.path("message").asText()).isEqualTo("upload started");
    assertThat(line.path("uploadId").asText()).isEqualTo("up_1");
    assertThat(line.path("parts").asInt()).isEqualTo(3);
    assertThat(line.has("time")).isTrue();
  }

  @Test
  void secretsNeverReachTheLineWhateverFieldOrTextTheyHideIn() throws Exception {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("password", "a long and quiet river");
    fields.put("sessionToken", "tok_123456");
    fields.put("cookie", SESSION);
    fields.put("headers", "Cookie: " + SESSION + "; theme=dark");
    fields.put("authorizationHeader", "Bearer eyJhbGciOi.J9.abc");
    fields.put("partUrl", PRESIGNED);
    fields.put("body", "{\"email\":\"ada@example.com\",\"password\":\"hunter2hunter2\"}");
    Log.error(
        "sign-in failed for " + SESSION + " password=hunter2hunter2",
        fields,
        new IllegalStateException("PUT " + PRESIGNED + " failed, Authorization: Bearer abc.def"));

    String line = lines.get(0);
    assertThat(line)
        .doesNotContain(
            "a long and quiet river",
            "tok_123456",
            "Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbg",
            "eyJhbGciOi",
            "0123456789abcdef0123456789abcdef",
            "kinora-local%2F20261202",
            "hunter2hunter2",
            "abc.def");
    JsonNode json = onlyLine();
    assertThat(json.path("password").asText()).isEqualTo("[redacted]");
    assertThat(json.path("partUrl").asText())
        .as("where a presigned URL pointed stays, its signature goes")
        .startsWith("http://127.0.0.1:9003/kinora-raw/uploads/v1/source?[redacted]");
    assertThat(json.path("body").asText()).contains("ada@example.com");
    assertThat(json.path("error").asText()).contains("IllegalStateException");
  }

  @Test
  void theSystemLoggerFaceFormatsParametersAndKeepsTheScope() throws Exception {
    System.Logger logger = Log.logger(LogTest.class);
    Log.invocation("sqs-1");

    logger.log(System.Logger.Level.INFO, "video {0} is ready: {1}", "v1", List.of("360p"));
    logger.log(System.Logger.Level.DEBUG, "not printed");

    JsonNode line = onlyLine();
    assertThat(line.path("message").asText()).isEqualTo("video v1 is ready: [360p]");
    assertThat(line.path("logger").asText()).isEqualTo(LogTest.class.getName());
    assertThat(line.path("requestId").asText()).isEqualTo("sqs-1");
    assertThat(line.has("userId")).isFalse();
  }

  @Test
  void threadsStartedByTheInvocationLogWithItsRequestId() throws Exception {
    Log.invocation("req-threads");
    Thread worker = new Thread(() -> Log.info("from a worker", Map.of()));
    worker.start();
    worker.join();

    assertThat(onlyLine().path("requestId").asText()).isEqualTo("req-threads");
  }
}
