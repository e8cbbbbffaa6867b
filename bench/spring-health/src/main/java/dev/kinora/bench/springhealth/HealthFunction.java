package dev.kinora.bench.springhealth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers {@code GET /api/v1/health} with the platform function's status, headers and JSON envelope
 * ({@code {"data": HealthStatus}}), and anything else with a 404 in the contract's error envelope.
 * It writes its JSON by hand instead of sharing kinora-shared's mapper, which keeps the Spring jar
 * free of a second Jackson and, if anything, flatters Spring in the comparison.
 */
public final class HealthFunction
    implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String HEALTH_PATH = "/api/v1/health";
  static final String SERVICE = "kinora";

  private static final Map<String, String> JSON_HEADERS =
      Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store");

  private final Clock clock;
  private final String version;

  public HealthFunction() {
    this(Clock.systemUTC(), versionOf(HealthFunction.class));
  }

  HealthFunction(Clock clock, String version) {
    this.clock = clock;
    this.version = version;
  }

  @Override
  public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
    String method = "GET";
    String path = event.getRawPath();
    if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null) {
      method = event.getRequestContext().getHttp().getMethod();
      path = event.getRequestContext().getHttp().getPath();
    }
    if ("GET".equals(method) && HEALTH_PATH.equals(path)) {
      return json(
          200,
          "{\"data\":{\"status\":\"ok\",\"service\":\""
              + SERVICE
              + "\",\"version\":\""
              + version
              + "\",\"time\":\""
              + clock.instant()
              + "\"}}");
    }
    String requestId =
        event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    return json(
        404,
        "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No route for "
            + method
            + " "
            + path
            + "\""
            + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"")
            + "}}");
  }

  private static APIGatewayV2HTTPResponse json(int status, String body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(JSON_HEADERS)
        .withBody(body)
        .build();
  }

  private static String versionOf(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
