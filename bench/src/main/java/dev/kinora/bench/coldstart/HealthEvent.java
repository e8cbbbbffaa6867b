package dev.kinora.bench.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The request every cold-start run sends: {@code events/platform-health.json} when the repository
 * has it, otherwise this API Gateway HTTP API (payload 2.0) event for {@code GET /api/v1/health}.
 */
final class HealthEvent {

  static final String REPOSITORY_EVENT = "events/platform-health.json";

  static final String GENERATED =
      """
      {
        "version": "2.0",
        "routeKey": "GET /api/v1/health",
        "rawPath": "/api/v1/health",
        "rawQueryString": "",
        "headers": {
          "accept": "application/json",
          "host": "localhost",
          "user-agent": "kinora-bench"
        },
        "requestContext": {
          "accountId": "000000000000",
          "apiId": "kinora-bench",
          "domainName": "localhost",
          "domainPrefix": "localhost",
          "http": {
            "method": "GET",
            "path": "/api/v1/health",
            "protocol": "HTTP/1.1",
            "sourceIp": "127.0.0.1",
            "userAgent": "kinora-bench"
          },
          "requestId": "kinora-bench-coldstart",
          "routeKey": "GET /api/v1/health",
          "stage": "$default",
          "time": "25/Nov/2026:12:00:00 +0000",
          "timeEpoch": 1795608000000
        },
        "isBase64Encoded": false
      }
      """;

  private HealthEvent() {}

  /** The event file to use, writing the generated one into {@code workDir} when needed. */
  static Path locate(Path root, Path explicit, Path workDir) throws IOException {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new IllegalArgumentException("event file " + explicit + " does not exist");
      }
      return explicit;
    }
    Path repositoryEvent = root.resolve(REPOSITORY_EVENT);
    if (Files.isRegularFile(repositoryEvent)) {
      return repositoryEvent;
    }
    Files.createDirectories(workDir);
    Path generated = workDir.resolve("generated-health-event.json");
    Files.writeString(generated, GENERATED);
    return generated;
  }
}
