package dev.kinora.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.LocalAws;
import dev.kinora.local.runtime.InvocationResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Lambda REQUEST authorizer of the HTTP API, run the way API Gateway runs it: every identity
 * source must be present and non-empty or the answer is 401 {@code {"message":"Unauthorized"}}
 * without calling the function; answers are cached per identity-source values for the TTL (allow
 * and deny alike); the function gets the payload 2.0 authorizer event; {@code isAuthorized: false}
 * (or a policy without an Allow) is 403 {@code {"message":"Forbidden"}}; a failing function or an
 * unreadable answer is 500; an allowed request carries the returned context under {@code
 * requestContext.authorizer.lambda}.
 */
public final class LambdaAuthorizer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpApiAuth.Config config;
  private final FunctionInvoker functions;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public LambdaAuthorizer(HttpApiAuth.Config config, FunctionInvoker functions, Clock clock) {
    this.config = config;
    this.functions = functions;
    this.clock = clock;
  }

  /** What the authorizer decided for one request. */
  public sealed interface Decision {}

  /** Let the request through with this context ({@code requestContext.authorizer.lambda}). */
  public record Allow(JsonNode context) implements Decision {}

  /** API Gateway answers this itself: 401, 403 or 500 with its {@code {"message": …}} body. */
  public record Refuse(int status, String body) implements Decision {}

  private record Cached(Decision decision, Instant until) {}

  static final Refuse UNAUTHORIZED = new Refuse(401, "{\"message\":\"Unauthorized\"}");
  static final Refuse FORBIDDEN = new Refuse(403, "{\"message\":\"Forbidden\"}");
  static final Refuse INTERNAL_ERROR = new Refuse(500, "{\"message\":\"Internal Server Error\"}");

  public HttpApiAuth.Config config() {
    return config;
  }

  /** Decides for the payload 2.0 request event {@code request} (not modified). */
  public Decision authorize(ObjectNode request) {
    List<String> identity = new ArrayList<>();
    for (String source : config.identitySources()) {
      String value = identityValue(request, source);
      if (value == null || value.isEmpty()) {
        return UNAUTHORIZED;
      }
      identity.add(value);
    }
    boolean caching = !config.cacheTtl().isZero() && !identity.isEmpty();
    String key = String.join("\u0000", identity);
    Instant now = clock.instant();
    if (caching) {
      Cached cached = cache.get(key);
      if (cached != null && now.isBefore(cached.until())) {
        return cached.decision();
      }
    }
    Decision decision = invoke(authorizerEvent(request, identity));
    if (caching && !(decision instanceof Refuse refuse && refuse.status() == 500)) {
      cache.put(key, new Cached(decision, now.plus(config.cacheTtl())));
    }
    return decision;
  }

  private Decision invoke(ObjectNode event) {
    InvocationResult result;
    try {
      result = functions.invoke(config.functionId(), JSON.writeValueAsString(event));
    } catch (IOException e) {
      return INTERNAL_ERROR;
    }
    if (!(result instanceof InvocationResult.Success success)) {
      return INTERNAL_ERROR;
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(success.payload());
    } catch (IOException e) {
      return INTERNAL_ERROR;
    }
    if (answer == null || !answer.isObject()) {
      return INTERNAL_ERROR;
    }
    boolean allowed;
    if (config.simpleResponses()) {
      if (!answer.path("isAuthorized").isBoolean()) {
        return INTERNAL_ERROR;
      }
      allowed = answer.path("isAuthorized").asBoolean();
    } else {
      allowed = allowsByPolicy(answer.path("policyDocument"));
    }
    if (!allowed) {
      return FORBIDDEN;
    }
    JsonNode context = answer.path("context");
    return new Allow(context.isObject() ? context : JSON.createObjectNode());
  }

  /** IAM-policy answers: allowed when a statement allows and none denies. */
  private static boolean allowsByPolicy(JsonNode policy) {
    boolean allow = false;
    for (JsonNode statement : policy.path("Statement")) {
      String effect = statement.path("Effect").asText();
      if ("Deny".equalsIgnoreCase(effect)) {
        return false;
      }
      allow |= "Allow".equalsIgnoreCase(effect);
    }
    return allow;
  }

  /** The payload format 2.0 authorizer event, built from the request's own event. */
  ObjectNode authorizerEvent(ObjectNode request, List<String> identity) {
    ObjectNode event = JSON.createObjectNode();
    JsonNode context = request.path("requestContext");
    String method = context.path("http").path("method").asText();
    String stage = context.path("stage").asText("$default");
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    event.put(
        "routeArn",
        "arn:aws:execute-api:"
            + LocalAws.REGION
            + ":"
            + LocalAws.ACCOUNT_ID
            + ":"
            + context.path("apiId").asText()
            + "/"
            + stage
            + "/"
            + method
            + request.path("rawPath").asText());
    identity.forEach(event.putArray("identitySource")::add);
    for (String field :
        List.of(
            "routeKey",
            "rawPath",
            "rawQueryString",
            "cookies",
            "headers",
            "queryStringParameters",
            "requestContext",
            "pathParameters",
            "stageVariables")) {
      if (request.has(field)) {
        event.set(field, request.get(field).deepCopy());
      }
    }
    return event;
  }

  /**
   * The value of {@code $request.header.X} (the Cookie header is rebuilt from {@code cookies},
   * which payload 2.0 keeps apart from the headers) or {@code $request.querystring.X}.
   */
  static String identityValue(ObjectNode request, String source) {
    if (source.startsWith("$request.header.")) {
      String name = source.substring("$request.header.".length()).toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) {
        List<String> cookies = new ArrayList<>();
        request.path("cookies").forEach(c -> cookies.add(c.asText()));
        return cookies.isEmpty() ? null : String.join("; ", cookies);
      }
      JsonNode header = request.path("headers").get(name);
      return header == null ? null : header.asText();
    }
    if (source.startsWith("$request.querystring.")) {
      JsonNode value =
          request
              .path("queryStringParameters")
              .get(source.substring("$request.querystring.".length()));
      return value == null ? null : value.asText();
    }
    throw new IllegalStateException(
        "identity source " + source + " is not emulated locally (headers and query strings are)");
  }
}
