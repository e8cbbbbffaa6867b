package dev.kinora.local.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every function's {@code smoke.ShadedJarSmoke} shares. Each is a {@code main} the build runs
 * at {@code verify} in a fresh JVM whose class path is the function's shaded, minimized jar, its
 * test classes, the Lambda runtime's event deserializer and this jar: it builds the handler from
 * the jar, feeds it a sample event of {@code events/} exactly as Lambda would, checks the answer,
 * and prints the jar's size and the time from handler construction to first response.
 *
 * <p>It uses only the JDK, Jackson and the Lambda event types, which every function jar holds, so
 * it never supplies a class or a service file the jar lacks: a jar that lost one still fails its
 * smoke test. The contract check comes from the caller (its {@code Contract} is the jar's), since
 * the local cloud does not depend on kinora-shared.
 */
public final class JarSmoke {
  /** A port nothing listens on: clients built against it prove they start without the network. */
  public static final String CLOSED_PORT = "http://127.0.0.1:9";

  /**
   * The contract's schema check, {@code (schema, body) -> Contract.load().validate(schema, body)}.
   */
  @FunctionalInterface
  public interface Schemas {
    List<?> validate(String schema, JsonNode body);
  }

  private final Path jar;
  private final Path sampleEvent;
  private final Schemas schemas;
  private final long start;
  private long firstResponse;

  private JarSmoke(Path jar, Path sampleEvent, Schemas schemas) {
    this.jar = jar;
    this.sampleEvent = sampleEvent;
    this.schemas = schemas;
    this.start = System.nanoTime();
  }

  /**
   * Starts the clock (before the handler is built).
   *
   * @param args the smoke test's arguments: the jar, and the sample event
   * @param schemas checks a body against a schema of the contract; it is first called after the
   *     first response, so loading the contract is not counted in the handler's start
   */
  public static JarSmoke start(String[] args, Schemas schemas) {
    return new JarSmoke(Path.of(args[0]), Path.of(args[1]), schemas);
  }

  /** For a handler whose answers no schema describes (WebSocket, SQS). */
  public static JarSmoke start(String[] args) {
    return start(
        args,
        (schema, body) -> {
          throw new IllegalStateException("no contract given to check " + schema);
        });
  }

  /**
   * A function's environment with {@code resources} (tables, buckets) and the region, credentials
   * and a DynamoDB endpoint at {@link #CLOSED_PORT}; other endpoints go in {@code resources}.
   */
  public static Map<String, String> offline(Map<String, String> resources) {
    var environment = new HashMap<>(resources);
    environment.put("AWS_REGION", "us-east-1");
    environment.put("AWS_ACCESS_KEY_ID", "smoke");
    environment.put("AWS_SECRET_ACCESS_KEY", "smoke");
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", CLOSED_PORT);
    return Map.copyOf(environment);
  }

  /** The sample event, read by the Lambda runtime's own deserializer. */
  public <T> T sampleEvent(Class<T> type) throws IOException {
    return LambdaEventSerializers.serializerFor(type, JarSmoke.class.getClassLoader())
        .fromJson(Files.readString(sampleEvent));
  }

  /** Notes that the handler has answered for the first time; returns its answer. */
  public <R> R firstResponse(R response) {
    firstResponse = System.nanoTime();
    return response;
  }

  /** Fails unless {@code response} has {@code status} and a body valid against {@code schema}. */
  public JsonNode expect(APIGatewayV2HTTPResponse response, int status, String schema)
      throws IOException {
    JsonNode body = new ObjectMapper().readTree(response.getBody());
    List<?> issues = schemas.validate(schema, body);
    if (response.getStatusCode() != status || !issues.isEmpty()) {
      throw new IllegalStateException(
          "Expected "
              + status
              + " "
              + schema
              + ", got "
              + response.getStatusCode()
              + " "
              + body
              + issues);
    }
    return body;
  }

  /** Fails unless {@code response} is a 400 whose first validation issue is at {@code path}. */
  public void expectIssueAt(APIGatewayV2HTTPResponse response, String path) throws IOException {
    expectAt(response, 400, "/error/details/issues/0/path", path);
  }

  /** Fails unless {@code response} is an error envelope of {@code status} and {@code code}. */
  public void expectError(APIGatewayV2HTTPResponse response, int status, String code)
      throws IOException {
    expectAt(response, status, "/error/code", code);
  }

  private void expectAt(APIGatewayV2HTTPResponse response, int status, String pointer, String value)
      throws IOException {
    JsonNode body = expect(response, status, "ErrorEnvelope");
    if (!value.equals(body.at(pointer).asText())) {
      throw new IllegalStateException("Expected " + value + " at " + pointer + ", got " + body);
    }
  }

  public long jarBytes() throws IOException {
    return Files.size(jar);
  }

  /** From {@link #start} to {@link #firstResponse}. */
  public long millisToFirstResponse() {
    return (firstResponse - start) / 1_000_000;
  }

  /** Prints the jar's name, size and start time, then each of {@code notes}. */
  public void passed(String... notes) throws IOException {
    var line =
        new StringBuilder(
            String.format(
                "%s smoke test passed: %d bytes; handler construction to first response %d ms",
                jar.getFileName(), jarBytes(), millisToFirstResponse()));
    for (String note : notes) {
      line.append("; ").append(note);
    }
    System.out.println(line);
  }
}
