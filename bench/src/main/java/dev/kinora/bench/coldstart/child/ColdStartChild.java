package dev.kinora.bench.coldstart.child;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process a cold-start run measures: a fresh JVM that builds one handler the way the Lambda
 * Java runtime does, invokes it once with a sample API Gateway v2 event, prints the response status
 * and its peak RSS, and exits.
 *
 * <p>It runs with only the JDK, the function jar and this class on the class path, so everything it
 * does must stay cheap: one class (the bench copies just this class file into its own tiny jar), no
 * lambdas or string concatenation with {@code +} on the measured path (both bootstrap invokedynamic
 * machinery the function might not need), no JSON library (a small parser below). The event is
 * parsed before the handler class is touched; what the measurement sees is the function's own class
 * loading and initialisation.
 *
 * <p>Usage: {@code ColdStartChild plain <handler class> <event.json>} or {@code ColdStartChild
 * spring <handler class> <event.json>} (the handler then is a {@code RequestStreamHandler}, like
 * Spring's {@code FunctionInvoker}).
 */
public final class ColdStartChild implements Context, LambdaLogger {

  /** First line the parent waits for; its arrival time ends the measurement. */
  public static final String RESPONSE_PREFIX = "KINORA-COLDSTART-RESPONSE ";

  /** Peak resident set size of this process, in KiB, as /proc/self/status reports it. */
  public static final String PEAK_RSS_PREFIX = "KINORA-COLDSTART-VMHWM-KB ";

  private static final Pattern STATUS_CODE = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

  private final String text;
  private int pos;

  private ColdStartChild(String text) {
    this.text = text;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ColdStartChild plain|spring <handler class> <event.json>");
      System.exit(64);
    }
    byte[] eventJson = Files.readAllBytes(Path.of(args[2]));
    String[] response =
        switch (args[0]) {
          case "plain" -> invokePlain(args[1], eventJson);
          case "spring" -> invokeStream(args[1], eventJson);
          default -> throw new IllegalArgumentException("unknown handler style: " + args[0]);
        };
    String body = response[1] == null ? "" : response[1].replace('\n', ' ').replace('\r', ' ');
    // StringBuilder, not +: javac compiles + to invokedynamic, whose first bootstrap costs
    // milliseconds the function did not spend.
    System.out.println(
        new StringBuilder(RESPONSE_PREFIX)
            .append("status=")
            .append(response[0])
            .append(" body=")
            .append(body)
            .toString());
    System.out.flush();
    System.out.println(new StringBuilder(PEAK_RSS_PREFIX).append(peakRssKb()).toString());
    System.out.flush();
    // Spring leaves non-daemon threads behind; a Lambda sandbox would be frozen here anyway.
    System.exit(0);
  }

  /** Returns {status, body}. */
  @SuppressWarnings("unchecked")
  private static String[] invokePlain(String handlerClass, byte[] eventJson) throws Exception {
    APIGatewayV2HTTPEvent event = toEvent(parse(new String(eventJson, StandardCharsets.UTF_8)));
    Object handler = Class.forName(handlerClass).getDeclaredConstructor().newInstance();
    Object response =
        ((RequestHandler<APIGatewayV2HTTPEvent, Object>) handler).handleRequest(event, context());
    APIGatewayV2HTTPResponse http = (APIGatewayV2HTTPResponse) response;
    return new String[] {String.valueOf(http.getStatusCode()), http.getBody()};
  }

  /** Returns {status, body} read from the JSON the stream handler wrote. */
  private static String[] invokeStream(String handlerClass, byte[] eventJson) throws Exception {
    Object handler = Class.forName(handlerClass).getDeclaredConstructor().newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ((RequestStreamHandler) handler)
        .handleRequest(new ByteArrayInputStream(eventJson), out, context());
    String json = out.toString(StandardCharsets.UTF_8);
    Matcher status = STATUS_CODE.matcher(json);
    String code = status.find() ? status.group(1) : "-1";
    Object body = json.startsWith("{") ? parse(json).get("body") : json;
    return new String[] {code, body == null ? null : body.toString()};
  }

  private static ColdStartChild context() {
    return new ColdStartChild("");
  }

  private static long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  // ------------------------------------------------------------ API Gateway v2 event from JSON

  @SuppressWarnings("unchecked")
  private static APIGatewayV2HTTPEvent toEvent(Map<String, Object> json) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion(string(json, "version"));
    event.setRouteKey(string(json, "routeKey"));
    event.setRawPath(string(json, "rawPath"));
    event.setRawQueryString(string(json, "rawQueryString"));
    event.setBody(string(json, "body"));
    event.setIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")));
    event.setHeaders((Map<String, String>) json.get("headers"));
    event.setQueryStringParameters((Map<String, String>) json.get("queryStringParameters"));
    event.setPathParameters((Map<String, String>) json.get("pathParameters"));
    event.setStageVariables((Map<String, String>) json.get("stageVariables"));
    event.setCookies((List<String>) json.get("cookies"));
    Object context = json.get("requestContext");
    if (context instanceof Map<?, ?> map) {
      Map<String, Object> ctx = (Map<String, Object>) map;
      APIGatewayV2HTTPEvent.RequestContext requestContext =
          new APIGatewayV2HTTPEvent.RequestContext();
      requestContext.setAccountId(string(ctx, "accountId"));
      requestContext.setApiId(string(ctx, "apiId"));
      requestContext.setDomainName(string(ctx, "domainName"));
      requestContext.setDomainPrefix(string(ctx, "domainPrefix"));
      requestContext.setRequestId(string(ctx, "requestId"));
      requestContext.setRouteKey(string(ctx, "routeKey"));
      requestContext.setStage(string(ctx, "stage"));
      requestContext.setTime(string(ctx, "time"));
      if (ctx.get("timeEpoch") instanceof Number epoch) {
        requestContext.setTimeEpoch(epoch.longValue());
      }
      if (ctx.get("http") instanceof Map<?, ?> httpMap) {
        Map<String, Object> h = (Map<String, Object>) httpMap;
        APIGatewayV2HTTPEvent.RequestContext.Http http =
            new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(string(h, "method"));
        http.setPath(string(h, "path"));
        http.setProtocol(string(h, "protocol"));
        http.setSourceIp(string(h, "sourceIp"));
        http.setUserAgent(string(h, "userAgent"));
        requestContext.setHttp(http);
      }
      event.setRequestContext(requestContext);
    }
    return event;
  }

  private static String string(Map<String, Object> json, String key) {
    Object value = json.get(key);
    return value == null ? null : value.toString();
  }

  // ------------------------------------------------------------ a minimal JSON reader

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    ColdStartChild reader = new ColdStartChild(json);
    Object value = reader.value();
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("the event must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      return array();
    }
    if (c == '"') {
      return string();
    }
    if (text.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return null;
    }
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String number = text.substring(start, pos);
    if (number.isEmpty()) {
      throw new IllegalArgumentException("unexpected '" + c + "' at offset " + start);
    }
    return number.contains(".") || number.contains("e") || number.contains("E")
        ? (Object) Double.valueOf(number)
        : (Object) Long.valueOf(number);
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (text.charAt(pos) == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      if (text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect('}');
      return map;
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (text.charAt(pos) == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      if (text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect(']');
      return list;
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(pos++);
      switch (escaped) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> out.append(escaped);
      }
    }
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  // ------------------------------------------------------------ Context and LambdaLogger

  @Override
  public String getAwsRequestId() {
    return "coldstart-bench";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/coldstart-bench";
  }

  @Override
  public String getLogStreamName() {
    return "coldstart-bench";
  }

  @Override
  public String getFunctionName() {
    return "coldstart-bench";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:000000000000:function:coldstart-bench";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 30_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return this;
  }

  @Override
  public void log(String message) {
    System.err.print(message);
  }

  @Override
  public void log(byte[] message) {
    System.err.write(message, 0, message.length);
  }
}
