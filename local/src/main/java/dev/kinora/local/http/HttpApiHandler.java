package dev.kinora.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.LocalAws;
import dev.kinora.local.runtime.InvocationResult;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP API (API Gateway v2, payload format 2.0): routes a request to the function whose {@code
 * HttpApi} event matches, hands it the event API Gateway would build, and maps the function's
 * response back — including API Gateway's own answers: 404 {@code {"message":"Not Found"}} when no
 * route matches, 500 {@code {"message":"Internal Server Error"}} when the function fails or times
 * out (details stay in the function's log, never in the response). Routes behind a Lambda
 * authorizer are authorized first, as API Gateway does ({@link LambdaAuthorizer}).
 */
public final class HttpApiHandler extends Handler.Abstract {
  static final String API_ID = "kinoralocal";
  private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";
  private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpApiRouter router;
  private final FunctionInvoker functions;
  private final Map<String, LambdaAuthorizer> authorizers;

  public HttpApiHandler(HttpApiRouter router, FunctionInvoker functions) {
    this(router, functions, Map.of());
  }

  /**
   * @param authorizers the API's Lambda authorizers by name; a route naming one is authorized
   *     before its function runs
   */
  public HttpApiHandler(
      HttpApiRouter router, FunctionInvoker functions, Map<String, LambdaAuthorizer> authorizers) {
    super(InvocationType.BLOCKING);
    this.router = router;
    this.functions = functions;
    this.authorizers = Map.copyOf(authorizers);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String rawPath = request.getHttpURI().getPath();
    String requestId = UUID.randomUUID().toString();
    response.getHeaders().put("apigw-requestid", requestId);
    Optional<HttpApiRouter.Match> match = router.route(request.getMethod(), rawPath);
    if (match.isEmpty()) {
      // Read to the end like API Gateway does: an unread body makes Jetty close the connection
      // after answering, and a client still sending it then loses the answer to the reset.
      Content.Source.consumeAll(request);
      return Responses.json(response, callback, 404, NOT_FOUND);
    }
    ObjectNode event = eventNode(request, match.get(), requestId);
    String authorizerName = match.get().route().authorizer();
    if (authorizerName != null) {
      LambdaAuthorizer authorizer = authorizers.get(authorizerName);
      if (authorizer == null) {
        return Responses.json(response, callback, 500, INTERNAL_ERROR);
      }
      switch (authorizer.authorize(event)) {
        case LambdaAuthorizer.Refuse refuse -> {
          return Responses.json(response, callback, refuse.status(), refuse.body());
        }
        case LambdaAuthorizer.Allow allow ->
            ((ObjectNode) event.get("requestContext"))
                .putObject("authorizer")
                .set("lambda", allow.context());
      }
    }
    InvocationResult result =
        functions.invoke(match.get().route().functionId(), JSON.writeValueAsString(event));
    if (!(result instanceof InvocationResult.Success success)) {
      return Responses.json(response, callback, 500, INTERNAL_ERROR);
    }
    return respond(success.payload(), response, callback);
  }

  /** The payload format 2.0 event for one request. */
  ObjectNode eventNode(Request request, HttpApiRouter.Match match, String requestId)
      throws IOException {
    ObjectNode event = JSON.createObjectNode();
    String routeKey = match.route().routeKey();
    String rawPath = request.getHttpURI().getPath();
    String rawQuery = Optional.ofNullable(request.getHttpURI().getQuery()).orElse("");
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawPath", rawPath);
    event.put("rawQueryString", rawQuery);

    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      String name = field.getLowerCaseName();
      if ("cookie".equals(name)) {
        for (String cookie : field.getValue().split(";")) {
          if (!cookie.isBlank()) {
            cookies.add(cookie.trim());
          }
        }
        continue;
      }
      headers.merge(name, field.getValue(), (a, b) -> a + "," + b);
    }
    String sourceIp = Request.getRemoteAddr(request);
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    headers.putIfAbsent("x-forwarded-port", String.valueOf(Request.getLocalPort(request)));
    headers.putIfAbsent("x-forwarded-proto", request.isSecure() ? "https" : "http");
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    ObjectNode headerNode = event.putObject("headers");
    headers.forEach(headerNode::put);

    Map<String, String> query = queryParameters(rawQuery);
    if (!query.isEmpty()) {
      ObjectNode queryNode = event.putObject("queryStringParameters");
      query.forEach(queryNode::put);
    }

    String host = Optional.ofNullable(headers.get("host")).orElse(LocalAws.HOST);
    String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    Instant now = Instant.now();
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", LocalAws.ACCOUNT_ID);
    context.put("apiId", API_ID);
    context.put("domainName", domainName);
    context.put(
        "domainPrefix",
        domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName);
    ObjectNode http = context.putObject("http");
    http.put("method", request.getMethod());
    http.put("path", rawPath);
    http.put("protocol", request.getConnectionMetaData().getProtocol());
    http.put("sourceIp", sourceIp);
    http.put("userAgent", Optional.ofNullable(headers.get("user-agent")).orElse(""));
    context.put("requestId", requestId);
    context.put("routeKey", routeKey);
    context.put("stage", "$default");
    context.put("time", REQUEST_TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());

    if (!match.pathParameters().isEmpty()) {
      ObjectNode parameters = event.putObject("pathParameters");
      match.pathParameters().forEach(parameters::put);
    }

    ByteBuffer body = Content.Source.asByteBuffer(request);
    boolean base64 = false;
    if (body.hasRemaining()) {
      byte[] bytes = new byte[body.remaining()];
      body.get(bytes);
      if (isText(headers.get("content-type"))) {
        event.put("body", new String(bytes, StandardCharsets.UTF_8));
      } else {
        event.put("body", Base64.getEncoder().encodeToString(bytes));
        base64 = true;
      }
    }
    event.put("isBase64Encoded", base64);
    return event;
  }

  /** Maps a payload 2.0 response (or a bare JSON value, which API Gateway returns as 200). */
  private boolean respond(String payload, Response response, Callback callback) {
    JsonNode output;
    try {
      output = JSON.readTree(payload);
    } catch (IOException e) {
      return Responses.json(response, callback, 500, INTERNAL_ERROR);
    }
    if (output == null || !output.isObject() || !output.has("statusCode")) {
      return Responses.json(response, callback, 200, payload);
    }
    JsonNode statusCode = output.get("statusCode");
    if (!statusCode.canConvertToInt()) {
      return Responses.json(response, callback, 500, INTERNAL_ERROR);
    }
    response.setStatus(statusCode.asInt());
    output
        .path("headers")
        .properties()
        .forEach(e -> response.getHeaders().put(e.getKey(), e.getValue().asText()));
    output
        .path("multiValueHeaders")
        .properties()
        .forEach(
            e -> {
              response.getHeaders().remove(e.getKey());
              e.getValue().forEach(v -> response.getHeaders().add(e.getKey(), v.asText()));
            });
    output
        .path("cookies")
        .forEach(c -> response.getHeaders().add(HttpHeader.SET_COOKIE, c.asText()));
    JsonNode body = output.get("body");
    byte[] bytes;
    if (body == null || body.isNull()) {
      bytes = new byte[0];
    } else if (output.path("isBase64Encoded").asBoolean(false)) {
      bytes = Base64.getDecoder().decode(body.asText());
    } else {
      bytes = (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
    }
    if (!response.getHeaders().contains(HttpHeader.CONTENT_TYPE) && bytes.length > 0) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }

  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** Text bodies reach the function as-is; everything else base64-encoded, as API Gateway does. */
  static boolean isText(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/graphql");
  }
}
