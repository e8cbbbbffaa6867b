package dev.kinora.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/** The strings, numbers, bodies and cursors a hostile client sends. */
final class HostileInputs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Unicode edge cases: lone surrogates, NUL, bidi overrides, BOM, noncharacters, combining. */
  static final List<String> STRINGS =
      List.of(
          "",
          " ",
          "\u0000",
          "a\u0000b",
          "\uD800",
          "x\uDC00y",
          "\uDBFF\uDFFF",
          "\u202Eevil\u202C",
          "\u200F\u200E\u061C",
          "\uFEFF",
          "\uFFFE\uFFFF",
          "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
          "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
          "\r\n\t\u000B\u000C\u0085\u2028\u2029",
          "<script>alert(1)</script>",
          "\"'><img src=x onerror=alert(1)>",
          "../../../../etc/passwd",
          "%00%2F%2e%2e",
          "${jndi:ldap://127.0.0.1/a}",
          "' OR '1'='1",
          "#{7*7}{{7*7}}",
          "null",
          "true",
          "-0",
          "1e309",
          "ﷺ",
          "\u0001\u0002\u0003\u001F\u007F");

  private HostileInputs() {}

  static String string(RandomGenerator random) {
    if (random.nextInt(4) == 0) {
      // two edge cases glued: lone surrogates next to valid pairs, bidi around NUL …
      return STRINGS.get(random.nextInt(STRINGS.size()))
          + STRINGS.get(random.nextInt(STRINGS.size()));
    }
    return STRINGS.get(random.nextInt(STRINGS.size()));
  }

  /** Just over the schema's maxLength, or far over it (up to 200 000 characters). */
  static String hugeString(RandomGenerator random, JsonNode schema) {
    int max = schema == null ? 0 : schema.path("maxLength").asInt(0);
    int length =
        max > 0 && random.nextBoolean()
            ? max + 1
            : 1_000 + random.nextInt(random.nextBoolean() ? 5_000 : 200_000);
    String unit = random.nextBoolean() ? "a" : "\uD83D\uDE00";
    return unit.repeat(Math.max(1, length / unit.length()));
  }

  static JsonNode boundaryNumber(RandomGenerator random, JsonNode schema) {
    long minimum = schema == null ? 0 : schema.path("minimum").asLong(0);
    long maximum = schema == null ? 0 : schema.path("maximum").asLong(Long.MAX_VALUE);
    return switch (random.nextInt(12)) {
      case 0 -> NODES.numberNode(minimum - 1);
      case 1 -> NODES.numberNode(maximum == Long.MAX_VALUE ? Long.MAX_VALUE : maximum + 1);
      case 2 -> NODES.numberNode(Long.MIN_VALUE);
      case 3 -> NODES.numberNode(Long.MAX_VALUE);
      case 4 -> NODES.numberNode(new BigInteger("9223372036854775808"));
      case 5 -> NODES.numberNode(new BigDecimal("1e308"));
      case 6 -> NODES.numberNode(-0.0);
      case 7 -> NODES.numberNode(0.5);
      case 8 -> NODES.numberNode(9_007_199_254_740_993L);
      case 9 -> NODES.numberNode(new BigDecimal("1E-400"));
      case 10 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
      default -> NODES.numberNode(new BigDecimal(BigInteger.TEN.pow(300)));
    };
  }

  /**
   * Objects or arrays nested {@code depth} deep; kept under Jackson's default writer limit of 1000,
   * deeper nests are sent as raw text ({@link #invalidJson}).
   */
  static JsonNode deeplyNested(RandomGenerator random, int depth) {
    int levels = Math.min(depth, 900);
    JsonNode node = NODES.textNode("bottom");
    boolean arrays = random.nextBoolean();
    for (int i = 0; i < levels; i++) {
      if (arrays) {
        node = NODES.arrayNode().add(node);
      } else {
        ObjectNode parent = NODES.objectNode();
        parent.set("a", node);
        node = parent;
      }
    }
    return node;
  }

  /** Bodies that are not JSON, not UTF-8, or JSON only by a lenient reading. */
  static byte[] invalidJson(RandomGenerator random) {
    return switch (random.nextInt(16)) {
      case 0 -> new byte[0];
      case 1 -> utf8("{");
      case 2 -> utf8("{\"text\":}");
      case 3 -> utf8("[1,2");
      case 4 -> utf8("{'text':'single quotes'}");
      case 5 -> utf8("\uFEFF{}");
      case 6 -> utf8("{} {}");
      case 7 -> utf8("NaN");
      case 8 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
      case 9 -> new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
      case 10 -> "{\"text\":\"utf-16\"}".getBytes(StandardCharsets.UTF_16);
      case 11 -> utf8("[".repeat(20_000) + "]".repeat(20_000));
      case 12 -> utf8("{\"a\":".repeat(8_000) + "1" + "}".repeat(8_000));
      case 13 -> utf8("{\"text\":\"a\",\"text\":\"b\",\"text\":{\"x\":1}}");
      case 14 -> utf8("{\"text\":\"\\ud800\\udbff\",\"n\":1" + "0".repeat(5_000) + "}");
      default -> {
        byte[] bytes = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(bytes);
        yield bytes;
      }
    };
  }

  /** What a list's {@code cursor} parameter gets: garbage, forged JSON, or a tampered real one. */
  static String cursor(RandomGenerator random, String realCursor) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return switch (random.nextInt(10)) {
      case 0 -> "";
      case 1 -> "not-a-cursor";
      case 2 -> url.encodeToString(utf8("{\"pk\":\"x\",\"sk\":1}"));
      case 3 -> url.encodeToString(utf8("{\"id\":{\"S\":\"a\"},\"topOf\":{\"N\":\"x\"}}"));
      case 4 -> url.encodeToString(utf8("[]"));
      case 5 -> Base64.getEncoder().encodeToString(utf8("\u0000\uFFFF"));
      case 6 -> realCursor == null ? "%%" : realCursor.substring(0, realCursor.length() / 2);
      case 7 -> realCursor == null ? "===" : realCursor + "A";
      case 8 -> realCursor == null ? "A".repeat(4_000) : flip(random, realCursor);
      default -> url.encodeToString(utf8(string(random)));
    };
  }

  private static String flip(RandomGenerator random, String text) {
    char[] chars = text.toCharArray();
    int at = random.nextInt(chars.length);
    chars[at] = chars[at] == 'A' ? 'B' : 'A';
    return new String(chars);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
