package dev.kinora.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;

/** Real payload-2.0 events as API Gateway sends them, for tests. */
final class HttpEvents {
  private HttpEvents() {}

  /** A request from the SPA: it carries the CSRF header. */
  static APIGatewayV2HTTPEvent request(String method, String path, String body) {
    return request(
        method,
        path,
        body,
        Map.of(
            "content-type",
            "application/json",
            "User-Agent",
            "test",
            "x-requested-with",
            "kinora"));
  }

  static APIGatewayV2HTTPEvent request(
      String method, String path, String body, Map<String, String> headers) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("$default")
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(headers)
        .withCookies(List.of("theme=dark", "kinora_session=s3cr3t"))
        .withQueryStringParameters(Map.of("limit", "20"))
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("req-42")
                .withStage("$default")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("203.0.113.9")
                        .withUserAgent("test")
                        .build())
                .build())
        .build();
  }
}
