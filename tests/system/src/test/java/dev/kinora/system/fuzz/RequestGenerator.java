package dev.kinora.system.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kinora.system.fuzz.ContractRoutes.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Builds one hostile request for a contract route: path parameters (real ids of another user's
 * resources, well-formed random ids, hostile segments), query strings (boundary numbers, invalid
 * cursors, unknown and repeated parameters), bodies (schema-valid, mutated, not JSON at all) and
 * headers (content types, the CSRF header, a valid / absent / broken session cookie).
 */
final class RequestGenerator {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
          .build();
  private static final ObjectMapper PLAIN = new JsonMapper(FACTORY);
  private static final ObjectMapper ESCAPED =
      JsonMapper.builder(FACTORY).enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/json; charset=utf-16",
          "application/json;charset=ISO-8859-1",
          "multipart/form-data; boundary=xyz",
          "application/x-www-form-urlencoded",
          "application/xml",
          "garbage",
          "application/json, text/html",
          "APPLICATION/JSON");

  /** Real resources of the owner (not the fuzzing caller) and the caller's session. */
  record Fixture(
      Supplier<String> sessionToken,
      String signedOutToken,
      List<String> videoIds,
      String uploadId,
      String commentId,
      String channelId,
      String handle,
      String realCursor) {}

  /**
   * One generated request; {@code pathProblem} marks a hostile path segment (empty, an encoded
   * slash, bad UTF-8 …) that the edge may refuse before any route matches.
   */
  record FuzzRequest(
      Route route,
      String method,
      String path,
      String query,
      Map<String, String> headers,
      byte[] body,
      String session,
      String strategy,
      boolean pathProblem) {
    boolean hasCookieHeader() {
      return headers.containsKey("Cookie");
    }

    String describe() {
      String bodyText =
          body == null
              ? "<none>"
              : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
      return method
          + " "
          + path
          + (query == null ? "" : "?" + abbreviate(query))
          + " ["
          + strategy
          + ", "
          + session
          + "] headers="
          + headers.keySet()
          + " body="
          + bodyText;
    }

    private static String abbreviate(String text) {
      return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
  }

  private final RandomGenerator random;
  private final SchemaValues values;
  private final Fixture fixture;

  RequestGenerator(RandomGenerator random, Fixture fixture) {
    this.random = random;
    this.values = new SchemaValues(random);
    this.fixture = fixture;
  }

  FuzzRequest next(Route route) {
    List<String> strategy = new ArrayList<>();
    boolean[] pathProblem = {false};
    String path = path(route, strategy, pathProblem);
    String query = query(route, strategy);
    Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = body(route, strategy, headers);
    String session = session(headers);
    csrf(headers);
    extraHeaders(headers);
    return new FuzzRequest(
        route,
        route.method(),
        path,
        query,
        headers,
        body,
        session,
        String.join("; ", strategy),
        pathProblem[0]);
  }

  private String path(Route route, List<String> strategy, boolean[] pathProblem) {
    String path = route.path();
    for (Map.Entry<String, JsonNode> parameter : route.pathParameters().entrySet()) {
      String segment;
      int roll = random.nextInt(20);
      if (roll < 10) {
        segment = encode(realId(parameter.getKey()));
        strategy.add("real " + parameter.getKey());
      } else if (roll < 15) {
        segment = encode(values.valid(parameter.getValue()).asText());
        strategy.add("random " + parameter.getKey());
      } else {
        segment = hostileSegment();
        pathProblem[0] = true;
        strategy.add("hostile " + parameter.getKey());
      }
      path = path.replace("{" + parameter.getKey() + "}", segment);
    }
    return path;
  }

  private String realId(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("upload")) {
      return fixture.uploadId();
    }
    if (lower.contains("comment")) {
      return fixture.commentId();
    }
    if (lower.contains("handle") || lower.contains("channel")) {
      return random.nextBoolean() ? fixture.channelId() : fixture.handle();
    }
    if (lower.contains("video")) {
      return fixture.videoIds().get(random.nextInt(fixture.videoIds().size()));
    }
    List<String> all = new ArrayList<>(fixture.videoIds());
    all.add(fixture.uploadId());
    all.add(fixture.commentId());
    all.add(fixture.channelId());
    return all.get(random.nextInt(all.size()));
  }

  private String hostileSegment() {
    return switch (random.nextInt(9)) {
      case 0 -> "";
      case 1 -> "..";
      case 2 -> "%2F";
      case 3 -> "%00";
      case 4 -> "%ED%A0%80";
      case 5 -> "a".repeat(300 + random.nextInt(3_000));
      case 6 -> encode(fixture.videoIds().getFirst() + "x");
      case 7 -> "%C0%AF";
      default -> encode(HostileInputs.string(random));
    };
  }

  private String query(Route route, List<String> strategy) {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> parameter : route.queryParameters().entrySet()) {
      String name = parameter.getKey();
      int roll = random.nextInt(10);
      if (roll < 3) {
        continue;
      }
      String value;
      if (name.equals("cursor")) {
        value =
            roll < 5 && fixture.realCursor() != null
                ? fixture.realCursor()
                : HostileInputs.cursor(random, fixture.realCursor());
        strategy.add("cursor");
      } else if (roll < 6) {
        value = values.valid(parameter.getValue()).asText();
      } else if (roll < 8) {
        value = HostileInputs.boundaryNumber(random, parameter.getValue()).asText();
        strategy.add("boundary " + name);
      } else {
        value = HostileInputs.string(random);
        strategy.add("hostile " + name);
      }
      pairs.add(name + "=" + encode(value));
      if (random.nextInt(12) == 0) {
        pairs.add(name + "=" + encode(HostileInputs.string(random)));
        strategy.add("repeated " + name);
      }
    }
    if (random.nextInt(8) == 0) {
      pairs.add(encode(HostileInputs.string(random)) + "=" + encode(HostileInputs.string(random)));
      strategy.add("unknown query");
    }
    return pairs.isEmpty() ? null : String.join("&", pairs);
  }

  private byte[] body(Route route, List<String> strategy, Map<String, String> headers) {
    byte[] body;
    if (route.bodySchema() == null) {
      if (random.nextInt(5) > 0) {
        return null;
      }
      strategy.add("unexpected body");
      body = json(HostileInputs.deeplyNested(random, 1 + random.nextInt(50)));
    } else {
      int roll = random.nextInt(20);
      if (roll < 3) {
        strategy.add("valid body");
        body = json(values.valid(route.bodySchema()));
      } else if (roll < 14) {
        SchemaValues.Mutation mutation =
            values.mutate(values.valid(route.bodySchema()), route.bodySchema());
        strategy.add(mutation.description());
        body = json(mutation.body());
      } else if (roll < 18) {
        strategy.add("invalid json");
        body = HostileInputs.invalidJson(random);
      } else if (roll < 19) {
        strategy.add("no body");
        return null;
      } else {
        strategy.add("scalar body");
        body = json(HostileInputs.boundaryNumber(random, null));
      }
    }
    if (random.nextInt(10) < 7) {
      headers.put("Content-Type", "application/json");
    } else if (random.nextInt(4) > 0) {
      String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
      headers.put("Content-Type", type);
      strategy.add("content-type " + type);
    } else {
      strategy.add("no content-type");
    }
    return body;
  }

  private byte[] json(JsonNode node) {
    try {
      // Escaped: lone surrogates travel as \\ud800 and reach the handler's String intact.
      // Plain UTF-8: the encoder replaces them, as a browser's TextEncoder does.
      return random.nextBoolean()
          ? ESCAPED.writeValueAsBytes(node)
          : PLAIN.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String session(Map<String, String> headers) {
    int roll = random.nextInt(20);
    String token = fixture.sessionToken().get();
    if (roll < 11) {
      headers.put(
          "Cookie",
          random.nextBoolean() ? "kinora_session=" + token : "theme=dark; kinora_session=" + token);
      return "session";
    }
    if (roll < 14) {
      return "no cookie";
    }
    if (roll < 16) {
      headers.put("Cookie", "theme=dark; kinora_viewer=" + encode(HostileInputs.string(random)));
      return "other cookies";
    }
    String broken =
        switch (random.nextInt(8)) {
          case 0 -> "kinora_session=" + fixture.signedOutToken();
          case 1 -> "kinora_session=" + token.substring(0, token.length() - 1) + "A";
          case 2 -> "kinora_session=" + "A".repeat(6_000);
          case 3 -> "kinora_session=; kinora_session=" + token + "x";
          case 4 -> "kinora_session=%00%FF%ED%A0%80";
          case 5 -> "=;;=; ;kinora_session";
          case 6 -> "kinora_session=\"" + token + "\"";
          default -> "kinora_session=" + encode(HostileInputs.string(random));
        };
    headers.put("Cookie", broken);
    return "broken session";
  }

  private void csrf(Map<String, String> headers) {
    int roll = random.nextInt(10);
    if (roll < 8) {
      headers.put("X-Requested-With", "kinora");
    } else if (roll < 9) {
      headers.put("X-Requested-With", random.nextBoolean() ? "XMLHttpRequest" : "KINORA ");
    }
  }

  private void extraHeaders(Map<String, String> headers) {
    if (random.nextInt(6) == 0) {
      headers.put("Origin", random.nextBoolean() ? "https://evil.example" : "null");
    }
    if (random.nextInt(10) == 0) {
      headers.put("X-Forwarded-For", "999.1.1.1, ::ffff:zz, " + "1.".repeat(200));
    }
    if (random.nextInt(10) == 0) {
      headers.put("Accept", random.nextBoolean() ? "text/html" : "application/xml;q=0.1, */*;q=0");
    }
    if (random.nextInt(15) == 0) {
      headers.put("Range", "bytes=999999999-1");
    }
  }

  /** Percent-encodes every byte outside the unreserved set, as a strict client would. */
  static String encode(String value) {
    var out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
