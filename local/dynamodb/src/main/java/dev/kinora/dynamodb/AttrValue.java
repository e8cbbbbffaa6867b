package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value. Values are immutable: an update builds new maps and lists, so an
 * old image handed to a stream listener never changes under it.
 */
sealed interface AttrValue {

  /** The DynamoDB type descriptor: S, N, B, BOOL, NULL, M, L, SS, NS or BS. */
  String type();

  record S(String value) implements AttrValue {
    @Override
    public String type() {
      return "S";
    }
  }

  /** A number, always held in canonical form (trailing zeros stripped) so equals is numeric. */
  record N(BigDecimal value) implements AttrValue {
    @Override
    public String type() {
      return "N";
    }
  }

  record B(Bytes value) implements AttrValue {
    @Override
    public String type() {
      return "B";
    }
  }

  record Bool(boolean value) implements AttrValue {
    @Override
    public String type() {
      return "BOOL";
    }
  }

  record Null() implements AttrValue {
    @Override
    public String type() {
      return "NULL";
    }
  }

  record M(Map<String, AttrValue> value) implements AttrValue {
    @Override
    public String type() {
      return "M";
    }
  }

  record L(List<AttrValue> value) implements AttrValue {
    @Override
    public String type() {
      return "L";
    }
  }

  record SS(Set<String> value) implements AttrValue {
    @Override
    public String type() {
      return "SS";
    }
  }

  record NS(Set<BigDecimal> value) implements AttrValue {
    @Override
    public String type() {
      return "NS";
    }
  }

  record BS(Set<Bytes> value) implements AttrValue {
    @Override
    public String type() {
      return "BS";
    }
  }

  Null NULL = new Null();
  int MAX_NUMBER_DIGITS = 38;

  static S s(String value) {
    return new S(value);
  }

  static N n(BigDecimal value) {
    return new N(Numbers.canonical(value));
  }

  static M m(Map<String, AttrValue> value) {
    return new M(Collections.unmodifiableMap(new LinkedHashMap<>(value)));
  }

  static L l(List<AttrValue> value) {
    return new L(List.copyOf(value));
  }

  // ---------------------------------------------------------------- DynamoDB JSON decoding

  static Map<String, AttrValue> itemFromJson(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.validation(what + " must be a map of attribute values");
    }
    Map<String, AttrValue> item = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      item.put(field.getKey(), fromJson(field.getValue()));
    }
    return Collections.unmodifiableMap(item);
  }

  static Map<String, AttrValue> valuesFromJson(JsonNode node) {
    return itemFromJson(node, "ExpressionAttributeValues");
  }

  static AttrValue fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw ApiException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (node.size() != 1) {
      throw ApiException.validation(
          node.isEmpty()
              ? "Supplied AttributeValue is empty, must contain exactly one of the supported"
                  + " datatypes"
              : "Supplied AttributeValue has more than one datatypes set, must contain exactly one"
                  + " of the supported datatypes");
    }
    Map.Entry<String, JsonNode> only = node.properties().iterator().next();
    JsonNode v = only.getValue();
    return switch (only.getKey()) {
      case "S" -> new S(text(v, "S"));
      case "N" -> new N(Numbers.parse(text(v, "N")));
      case "B" -> new B(Bytes.fromBase64(text(v, "B")));
      case "BOOL" -> {
        if (!v.isBoolean()) {
          throw ApiException.validation("BOOL attribute value must be true or false");
        }
        yield new Bool(v.booleanValue());
      }
      case "NULL" -> {
        if (!v.isBoolean() || !v.booleanValue()) {
          throw ApiException.validation(
              "One or more parameter values were invalid: Null attribute value types must have the"
                  + " value of true");
        }
        yield NULL;
      }
      case "M" -> {
        if (!v.isObject()) {
          throw ApiException.validation("M attribute value must be a map");
        }
        yield new M(itemFromJson(v, "M"));
      }
      case "L" -> {
        if (!v.isArray()) {
          throw ApiException.validation("L attribute value must be a list");
        }
        List<AttrValue> list = new ArrayList<>(v.size());
        v.forEach(element -> list.add(fromJson(element)));
        yield new L(Collections.unmodifiableList(list));
      }
      case "SS" -> {
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode e : setElements(v, "string")) {
          addUnique(set, text(e, "SS"), v);
        }
        yield new SS(Collections.unmodifiableSet(set));
      }
      case "NS" -> {
        Set<BigDecimal> set = new LinkedHashSet<>();
        for (JsonNode e : setElements(v, "number")) {
          addUnique(set, Numbers.parse(text(e, "NS")), v);
        }
        yield new NS(Collections.unmodifiableSet(set));
      }
      case "BS" -> {
        Set<Bytes> set = new LinkedHashSet<>();
        for (JsonNode e : setElements(v, "binary")) {
          addUnique(set, Bytes.fromBase64(text(e, "BS")), v);
        }
        yield new BS(Collections.unmodifiableSet(set));
      }
      default ->
          throw ApiException.validation(
              "Supplied AttributeValue has an unsupported datatype: " + only.getKey());
    };
  }

  private static String text(JsonNode v, String type) {
    if (v == null || !v.isTextual()) {
      throw ApiException.validation(type + " attribute value must be a string");
    }
    return v.textValue();
  }

  private static JsonNode setElements(JsonNode v, String kind) {
    if (v == null || !v.isArray()) {
      throw ApiException.validation("A " + kind + " set attribute value must be a list");
    }
    if (v.isEmpty()) {
      throw ApiException.validation(
          "One or more parameter values were invalid: An " + kind + " set  may not be empty");
    }
    return v;
  }

  private static <T> void addUnique(Set<T> set, T element, JsonNode whole) {
    if (!set.add(element)) {
      throw ApiException.validation("Input collection " + whole + " contains duplicates.");
    }
  }

  // ---------------------------------------------------------------- DynamoDB JSON encoding

  static ObjectNode itemToJson(Map<String, AttrValue> item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    item.forEach((name, value) -> node.set(name, toJson(value)));
    return node;
  }

  static ObjectNode toJson(AttrValue value) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    switch (value) {
      case S s -> node.put("S", s.value());
      case N n -> node.put("N", Numbers.format(n.value()));
      case B b -> node.put("B", b.value().toBase64());
      case Bool b -> node.put("BOOL", b.value());
      case Null ignored -> node.put("NULL", true);
      case M m -> node.set("M", itemToJson(m.value()));
      case L l -> {
        ArrayNode array = node.putArray("L");
        l.value().forEach(e -> array.add(toJson(e)));
      }
      case SS ss -> {
        ArrayNode array = node.putArray("SS");
        ss.value().forEach(array::add);
      }
      case NS ns -> {
        ArrayNode array = node.putArray("NS");
        ns.value().forEach(e -> array.add(Numbers.format(e)));
      }
      case BS bs -> {
        ArrayNode array = node.putArray("BS");
        bs.value().forEach(e -> array.add(e.toBase64()));
      }
    }
    return node;
  }

  /** Short form used in error messages, e.g. {@code {S:abc}}. */
  static String describe(AttrValue value) {
    return "{" + value.type() + ":" + toJson(value).elements().next() + "}";
  }

  // ---------------------------------------------------------------- ordering and size

  /**
   * Orders two scalar values of the same type the way DynamoDB does: numbers numerically, strings
   * by their UTF-8 bytes, binary bytewise unsigned. Returns null when the values are not
   * comparable.
   */
  static Integer compare(AttrValue a, AttrValue b) {
    if (a instanceof N x && b instanceof N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof S x && b instanceof S y) {
      return compareUtf8(x.value(), y.value());
    }
    if (a instanceof B x && b instanceof B y) {
      return x.value().compareTo(y.value());
    }
    return null;
  }

  /** Total order for key values of one key attribute; NULL is the sentinel for "no sort key". */
  static int compareKeys(AttrValue a, AttrValue b) {
    Integer result = compare(a, b);
    if (result != null) {
      return result;
    }
    return a.type().compareTo(b.type());
  }

  /** UTF-8 byte order equals code point order, which differs from Java's UTF-16 order. */
  static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Approximate stored size in bytes, following DynamoDB's published item size rules. */
  static long size(AttrValue value) {
    return switch (value) {
      case S s -> utf8Length(s.value());
      case N n -> Numbers.storedSize(n.value());
      case B b -> b.value().length();
      case Bool ignored -> 1;
      case Null ignored -> 1;
      case M m -> {
        long total = 3;
        for (Map.Entry<String, AttrValue> e : m.value().entrySet()) {
          total += utf8Length(e.getKey()) + size(e.getValue()) + 1;
        }
        yield total;
      }
      case L l -> {
        long total = 3;
        for (AttrValue e : l.value()) {
          total += size(e) + 1;
        }
        yield total;
      }
      case SS ss -> ss.value().stream().mapToLong(AttrValue::utf8Length).sum();
      case NS ns -> ns.value().stream().mapToLong(Numbers::storedSize).sum();
      case BS bs -> bs.value().stream().mapToLong(Bytes::length).sum();
    };
  }

  static long itemSize(Map<String, AttrValue> item) {
    long total = 0;
    for (Map.Entry<String, AttrValue> e : item.entrySet()) {
      total += utf8Length(e.getKey()) + size(e.getValue());
    }
    return total;
  }

  static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
