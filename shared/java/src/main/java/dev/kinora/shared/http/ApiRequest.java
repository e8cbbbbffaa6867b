package dev.kinora.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One API Gateway (HTTP API, payload 2.0) request after routing: path parameters of the matched
 * template, query, headers, cookies, and a body that is only handed out validated against the
 * contract.
 */
public final class ApiRequest {
  private final APIGatewayV2HTTPEvent event;
  private final Map<String, String> pathParameters;
  private final Contract contract;

  ApiRequest(APIGatewayV2HTTPEvent event, Map<String, String> pathParameters, Contract contract) {
    this.event = event;
    this.pathParameters = pathParameters;
    this.contract = contract;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return methodOf(event);
  }

  /** The request path, without query string. */
  public String path() {
    return pathOf(event);
  }

  /** API Gateway's request id; the id quoted in error envelopes and logs. */
  public String requestId() {
    return requestIdOf(event);
  }

  /**
   * A parameter of the matched path template, e.g. {@code id} of {@code /uploads/{id}}.
   *
   * @throws IllegalArgumentException if the route's template has no such parameter (a bug)
   */
  public String pathParam(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("The matched route has no path parameter " + name);
    }
    return value;
  }

  /** A query parameter (API Gateway joins repeated ones with commas). */
  public Optional<String> query(String name) {
    return Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get(name));
  }

  /**
   * A whole-number query parameter within {@code [min, max]}, {@code defaultValue} when absent (a
   * page size, say); anything else is a VALIDATION_ERROR at {@code /name}.
   */
  public int intQuery(String name, int defaultValue, int min, int max) {
    Optional<String> text = query(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below like an out-of-range number
    }
    throw ApiException.validation(
        List.of(
            new ValidationIssue("/" + name, "must be a whole number from " + min + " to " + max)));
  }

  /** A header, by case-insensitive name. */
  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.ofNullable(header.getValue());
      }
    }
    return Optional.empty();
  }

  /** A cookie sent by the browser (payload 2.0 lists them as {@code name=value}). */
  public Optional<String> cookie(String name) {
    List<String> cookies = event.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    String prefix = name + "=";
    return cookies.stream()
        .map(String::strip)
        .filter(cookie -> cookie.startsWith(prefix))
        .map(cookie -> cookie.substring(prefix.length()))
        .findFirst();
  }

  /** The caller's IP address as API Gateway saw it, for per-client rate limits. */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
        .map(APIGatewayV2HTTPEvent.RequestContext.Http::getSourceIp);
  }

  /**
   * The signed-in caller, read only from {@code requestContext.authorizer.lambda} (what the session
   * authorizer returned); empty for anonymous callers.
   */
  public Optional<SessionUser> user() {
    return AuthorizerContext.user(AuthorizerContext.lambdaContext(event));
  }

  /**
   * The signed-in caller.
   *
   * @throws ApiException SESSION_EXPIRED when the request carried a session that expired or was
   *     revoked, UNAUTHORIZED when it carried none
   */
  public SessionUser requireUser() {
    return user()
        .orElseThrow(
            () ->
                AuthorizerContext.EXPIRED.equals(
                        AuthorizerContext.lambdaContext(event).get(AuthorizerContext.SESSION))
                    ? new ApiException(
                        ErrorCode.SESSION_EXPIRED, "Your session has expired; please sign in again")
                    : new ApiException(ErrorCode.UNAUTHORIZED, "Please sign in first"));
  }

  /** The underlying event, for what this class does not cover. */
  public APIGatewayV2HTTPEvent event() {
    return event;
  }

  /**
   * The JSON body, validated against the contract schema {@code schemaName}.
   *
   * @throws ApiException INVALID_INPUT if the body is missing or not JSON; VALIDATION_ERROR with
   *     {@code details.issues} if it violates the schema
   */
  public JsonNode body(String schemaName) {
    JsonNode body = parseBody();
    List<ValidationIssue> issues = contract.validate(schemaName, body);
    if (!issues.isEmpty()) {
      throw ApiException.validation(issues);
    }
    return body;
  }

  /** The validated body (see {@link #body(String)}) as the record that mirrors the schema. */
  public <R> R body(String schemaName, Class<R> type) {
    return asRecord(body(schemaName), schemaName, type);
  }

  private static <R> R asRecord(JsonNode body, String schemaName, Class<R> type) {
    try {
      return Json.mapper().treeToValue(body, type);
    } catch (JsonProcessingException e) {
      // The schema accepted it, so the record disagrees with the schema: a bug, not bad input.
      throw new IllegalStateException(
          type.getSimpleName() + " cannot hold a valid " + schemaName + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@link #body(String, Class)}, except that when the body breaks the schema and {@code refusal}
   * finds a more specific answer in it (a file too large → 413, of the wrong type → 415), that
   * answer wins over VALIDATION_ERROR: the client can then say what is wrong with the file.
   */
  public <R> R body(
      String schemaName, Class<R> type, Function<JsonNode, Optional<ApiException>> refusal) {
    JsonNode body = parseBody();
    List<ValidationIssue> issues = contract.validate(schemaName, body);
    if (!issues.isEmpty()) {
      throw refusal.apply(body).orElseGet(() -> ApiException.validation(issues));
    }
    return asRecord(body, schemaName, type);
  }

  private JsonNode parseBody() {
    String text = event.getBody();
    if (text != null && event.getIsBase64Encoded()) {
      try {
        text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw invalidInput("The request body is not valid base64");
      }
    }
    if (text == null || text.isBlank()) {
      throw invalidInput("The request needs a JSON body");
    }
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw invalidInput(
          location == null
              ? "The request body is not valid JSON"
              : String.format(
                  Locale.ROOT,
                  "The request body is not valid JSON (line %d, column %d)",
                  location.getLineNr(),
                  location.getColumnNr()));
    }
  }

  static String methodOf(APIGatewayV2HTTPEvent event) {
    String method =
        Optional.ofNullable(event.getRequestContext())
            .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
            .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod)
            // routeKey is "GET /path" for explicit routes ("$default" for the catch-all).
            .orElseGet(() -> String.valueOf(event.getRouteKey()).split(" ", 2)[0]);
    return method.toUpperCase(Locale.ROOT);
  }

  /**
   * The path as the routes see it. On a named stage (not {@code $default}) API Gateway prefixes
   * rawPath with {@code /stage}; route templates are written without it.
   */
  static String pathOf(APIGatewayV2HTTPEvent event) {
    var context = Optional.ofNullable(event.getRequestContext());
    String path =
        Optional.ofNullable(event.getRawPath())
            .or(
                () ->
                    context
                        .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                        .map(APIGatewayV2HTTPEvent.RequestContext.Http::getPath))
            .orElse("/");
    String stagePrefix =
        "/" + context.map(APIGatewayV2HTTPEvent.RequestContext::getStage).orElse("$default");
    return !stagePrefix.equals("/$default") && path.startsWith(stagePrefix + "/")
        ? path.substring(stagePrefix.length())
        : path;
  }

  static String requestIdOf(APIGatewayV2HTTPEvent event) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getRequestId)
        .orElse("unknown");
  }

  private static ApiException invalidInput(String message) {
    return new ApiException(ErrorCode.INVALID_INPUT, message);
  }
}
