package dev.kinora.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.ApiError;
import dev.kinora.shared.model.ErrorDetails;
import dev.kinora.shared.model.ErrorEnvelope;
import dev.kinora.shared.model.PageMeta;
import java.util.HashMap;
import java.util.Map;

/**
 * Responses in the contract's envelopes: {@code {"data": …, "meta"?: …}} for success and {@code
 * {"error": {code, message, details?, requestId?}}} for errors. API answers are per user, so they
 * are never cached.
 */
public final class ApiResponses {
  private static final Map<String, String> JSON_HEADERS =
      Map.of("content-type", "application/json; charset=utf-8", "cache-control", "no-store");

  private ApiResponses() {}

  /** 200 with {@code {"data": data}}. */
  public static APIGatewayV2HTTPResponse ok(Object data) {
    return json(200, new DataEnvelope(data, null));
  }

  /** 200 with {@code {"data": items, "meta": meta}}, for cursor-paged lists. */
  public static APIGatewayV2HTTPResponse ok(Object data, PageMeta meta) {
    return json(200, new DataEnvelope(data, meta));
  }

  /** 200 with a list's own meta schema (e.g. a page cursor plus a count). */
  public static APIGatewayV2HTTPResponse okWithMeta(Object data, Record meta) {
    return json(200, new DataEnvelope(data, meta));
  }

  /** 201 with {@code {"data": data}}. */
  public static APIGatewayV2HTTPResponse created(Object data) {
    return json(201, new DataEnvelope(data, null));
  }

  /**
   * 200 with {@code body} as it is, outside the data envelope: only for the formats a published
   * standard fixes (oEmbed), whose consumers read the bare object.
   */
  public static APIGatewayV2HTTPResponse bare(Object body) {
    return json(200, body);
  }

  /** 204 without a body. */
  public static APIGatewayV2HTTPResponse noContent() {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(204)
        .withHeaders(Map.of("cache-control", "no-store"))
        .build();
  }

  /** The envelope of {@code code} with its HTTP status. */
  public static APIGatewayV2HTTPResponse error(ErrorCode code, String message, String requestId) {
    return error(new ApiException(code, message), requestId);
  }

  /** The envelope of an {@link ApiException}; RATE_LIMITED also gets {@code Retry-After}. */
  public static APIGatewayV2HTTPResponse error(ApiException exception, String requestId) {
    ErrorDetails details = exception.details().orElse(null);
    var body =
        new ErrorEnvelope(
            new ApiError(exception.code(), exception.getMessage(), details, requestId));
    var headers = new HashMap<>(JSON_HEADERS);
    if (details != null && details.retryAfterSeconds() != null) {
      headers.put("retry-after", Long.toString(details.retryAfterSeconds()));
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(exception.code().httpStatus())
        .withHeaders(headers)
        .withBody(Json.write(body))
        .build();
  }

  /** 500 INTERNAL_ERROR: a fixed message and the request id, nothing about the cause. */
  public static APIGatewayV2HTTPResponse internalError(String requestId) {
    return error(
        ErrorCode.INTERNAL_ERROR,
        "Something went wrong on our side; quote the request id if you report it",
        requestId);
  }

  private static APIGatewayV2HTTPResponse json(int status, Object body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(JSON_HEADERS)
        .withBody(Json.write(body))
        .build();
  }

  /** {@code {"data": …, "meta"?: …}}. */
  private record DataEnvelope(Object data, Object meta) {}
}
