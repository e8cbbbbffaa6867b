package dev.kinora.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.shared.config.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers with what it sees: selected configuration keys and the parts of the event. */
public final class EnvironmentHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final List<String> KEYS =
      List.of(
          "ONLY_FOR_A",
          "ONLY_FOR_B",
          "STAGE",
          "QUEUE_URL",
          "DLQ_ARN",
          "MEDIA_BUCKET",
          "AWS_REGION",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_ENDPOINT_URL_S3",
          "KINORA_LOCAL");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Read once at construction, as a function would. */
  private final Map<String, String> seenAtInit = new LinkedHashMap<>();

  public EnvironmentHandler() {
    Config config = Config.fromEnvironment();
    KEYS.forEach(k -> config.find(k).ifPresent(v -> seenAtInit.put(k, v)));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("env", seenAtInit);
    seen.put("functionName", context.getFunctionName());
    seen.put("memory", context.getMemoryLimitInMB());
    seen.put("remainingMillis", context.getRemainingTimeInMillis());
    seen.put("routeKey", event.getRouteKey());
    seen.put("rawPath", event.getRawPath());
    seen.put("rawQueryString", event.getRawQueryString());
    seen.put("queryStringParameters", event.getQueryStringParameters());
    seen.put("pathParameters", event.getPathParameters());
    seen.put("cookies", event.getCookies());
    seen.put("headers", event.getHeaders());
    seen.put("body", event.getBody());
    seen.put("isBase64Encoded", event.getIsBase64Encoded());
    seen.put("method", event.getRequestContext().getHttp().getMethod());
    seen.put("stage", event.getRequestContext().getStage());
    seen.put("requestId", event.getRequestContext().getRequestId());
    try {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(200)
          .withHeaders(
              Map.of("content-type", "application/json", "x-handled-by", context.getFunctionName()))
          .withCookies(List.of("seen=yes; Path=/", "flavour=local; Path=/"))
          .withBody(JSON.writeValueAsString(seen))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
