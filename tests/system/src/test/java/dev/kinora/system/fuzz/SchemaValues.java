package dev.kinora.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Values for a JSON schema: {@link #valid} builds one that (mostly) conforms, {@link #mutate}
 * breaks it in one of the ways a hostile or buggy client would. Both are driven by one seeded
 * random source, so a failing run is reproduced with its seed.
 */
final class SchemaValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String URL_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private final RandomGenerator random;

  SchemaValues(RandomGenerator random) {
    this.random = random;
  }

  JsonNode valid(JsonNode schema) {
    return valid(schema, 0);
  }

  private JsonNode valid(JsonNode schema, int depth) {
    if (schema == null || !schema.isObject()) {
      return NODES.objectNode();
    }
    if (schema.has("const")) {
      return schema.get("const").deepCopy();
    }
    if (schema.has("enum")) {
      return pick(schema.get("enum")).deepCopy();
    }
    if (schema.has("allOf")) {
      ObjectNode merged = NODES.objectNode();
      for (JsonNode part : schema.get("allOf")) {
        if (valid(part, depth + 1) instanceof ObjectNode object) {
          merged.setAll(object);
        }
      }
      return merged;
    }
    for (String choice : List.of("oneOf", "anyOf")) {
      if (schema.has(choice)) {
        return valid(pick(schema.get(choice)), depth + 1);
      }
    }
    String type = type(schema);
    return switch (type) {
      case "string" -> NODES.textNode(validString(schema));
      case "integer" -> NODES.numberNode(validLong(schema));
      case "number" -> NODES.numberNode(validLong(schema) + 0.5);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
        int count = depth > 6 ? min : min + random.nextInt(max - min + 1);
        for (int i = 0; i < count; i++) {
          array.add(valid(schema.path("items"), depth + 1));
        }
        yield array;
      }
      case "null" -> NODES.nullNode();
      default -> {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
          if (required.contains(property.getKey()) || (depth < 6 && random.nextInt(3) == 0)) {
            object.set(property.getKey(), valid(property.getValue(), depth + 1));
          }
        }
        yield object;
      }
    };
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      return type.path(0).asText("object");
    }
    if (type.isTextual()) {
      return type.asText();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "object";
  }

  private String validString(JsonNode schema) {
    if ("date-time".equals(schema.path("format").asText())) {
      return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000)).toString();
    }
    int min = schema.path("minLength").asInt(1);
    int max = Math.min(schema.path("maxLength").asInt(min + 24), min + 24);
    int length = min + random.nextInt(Math.max(1, max - min + 1));
    var text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(URL_SAFE.charAt(random.nextInt(URL_SAFE.length())));
    }
    return text.toString();
  }

  private long validLong(JsonNode schema) {
    long min = schema.path("minimum").asLong(0);
    long max = schema.path("maximum").asLong(Math.max(min, 100));
    if (max <= min) {
      return min;
    }
    long span = Math.min(max - min, 1_000_000L);
    return min + random.nextLong(span + 1);
  }

  /**
   * One hostile change to {@code value} (a valid instance of {@code schema}); the kind is named.
   */
  Mutation mutate(JsonNode value, JsonNode schema) {
    List<String> fields = new ArrayList<>();
    value.fieldNames().forEachRemaining(fields::add);
    int kind = random.nextInt(10);
    if (!(value instanceof ObjectNode object) || fields.isEmpty()) {
      return new Mutation("root " + describe(kind), rootReplacement(kind, schema));
    }
    ObjectNode copy = object.deepCopy();
    String field = fields.get(random.nextInt(fields.size()));
    JsonNode fieldSchema = schema == null ? null : schema.at("/properties/" + field);
    switch (kind) {
      case 0 -> copy.remove(field);
      case 1 -> copy.set(field, wrongType(copy.get(field)));
      case 2 -> copy.put("unexpected" + random.nextInt(100), HostileInputs.string(random));
      case 3 -> copy.put(field, HostileInputs.hugeString(random, fieldSchema));
      case 4 -> copy.put(field, HostileInputs.string(random));
      case 5 -> copy.set(field, HostileInputs.boundaryNumber(random, fieldSchema));
      case 6 -> copy.putNull(field);
      case 7 -> copy.set(field, HostileInputs.deeplyNested(random, 20 + random.nextInt(3000)));
      case 8 -> copy.set(field, nestedMutation(copy.get(field), fieldSchema));
      default -> {
        copy.removeAll();
        copy.put("__proto__", HostileInputs.string(random));
        copy.putObject("constructor").put("prototype", "x");
      }
    }
    return new Mutation(describe(kind) + " /" + field, copy);
  }

  private JsonNode nestedMutation(JsonNode fieldValue, JsonNode fieldSchema) {
    if (fieldValue instanceof ObjectNode && fieldSchema != null) {
      return mutate(fieldValue, fieldSchema).body();
    }
    if (fieldValue instanceof ArrayNode array) {
      ArrayNode copy = array.deepCopy();
      for (int i = 0; i < 1 + random.nextInt(200); i++) {
        copy.add(HostileInputs.string(random));
      }
      return copy;
    }
    return HostileInputs.boundaryNumber(random, fieldSchema);
  }

  private JsonNode rootReplacement(int kind, JsonNode schema) {
    return switch (kind % 5) {
      case 0 -> NODES.arrayNode().add(valid(schema));
      case 1 -> NODES.textNode(HostileInputs.string(random));
      case 2 -> HostileInputs.boundaryNumber(random, null);
      case 3 -> NODES.nullNode();
      default -> HostileInputs.deeplyNested(random, 500 + random.nextInt(4000));
    };
  }

  private JsonNode wrongType(JsonNode value) {
    if (value == null || value.isTextual()) {
      return random.nextBoolean() ? NODES.numberNode(random.nextInt()) : NODES.arrayNode().add("a");
    }
    if (value.isNumber()) {
      return random.nextBoolean()
          ? NODES.textNode(value.asText())
          : NODES.numberNode(new BigDecimal(BigInteger.TEN.pow(400)));
    }
    if (value.isBoolean()) {
      return NODES.textNode("true");
    }
    if (value.isArray()) {
      return NODES.objectNode().put("0", "a");
    }
    return NODES.textNode("{}");
  }

  private JsonNode pick(JsonNode array) {
    return array.get(random.nextInt(array.size()));
  }

  private static String describe(int kind) {
    return switch (kind) {
      case 0 -> "missing";
      case 1 -> "wrong type";
      case 2 -> "extra field";
      case 3 -> "huge string";
      case 4 -> "hostile string";
      case 5 -> "boundary number";
      case 6 -> "null";
      case 7 -> "deep nesting";
      case 8 -> "nested";
      default -> "prototype keys";
    };
  }

  /** A changed body and what was changed. */
  record Mutation(String description, JsonNode body) {}
}
