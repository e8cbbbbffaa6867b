package dev.kinora.shared.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code x-kinora-limits} bindings: {@code x-kinora-limits: {maxLength: video.title.max}}
 * becomes {@code maxLength: 100} with the value read from limits.json, and the binding itself is
 * removed. A binding to a missing limit, to a value of the wrong kind, or to a keyword that cannot
 * carry a limit fails loading, so a typo can never silently disable a check.
 */
final class LimitBindings {
  static final String BINDING_KEYWORD = "x-kinora-limits";

  /** Keywords whose value is a number. */
  static final Set<String> NUMERIC_KEYWORDS =
      Set.of(
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "minProperties",
          "maxProperties",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf");

  private static final Set<String> LIST_KEYWORDS = Set.of("enum");

  private LimitBindings() {}

  /** Replaces every binding below {@code node} in place. */
  static void resolveInPlace(JsonNode node, JsonNode limits) {
    if (node instanceof ObjectNode object) {
      JsonNode binding = object.remove(BINDING_KEYWORD);
      for (JsonNode child : object) {
        resolveInPlace(child, limits);
      }
      if (binding != null) {
        apply(object, binding, limits);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        resolveInPlace(child, limits);
      }
    }
  }

  private static void apply(ObjectNode schema, JsonNode binding, JsonNode limits) {
    for (Map.Entry<String, JsonNode> entry : binding.properties()) {
      String keyword = entry.getKey();
      String limitPath = entry.getValue().asText();
      JsonNode value = lookup(limits, limitPath);
      if (NUMERIC_KEYWORDS.contains(keyword)) {
        if (!value.isNumber()) {
          throw new ContractException(
              keyword + " is bound to " + limitPath + ", which is not a number: " + value);
        }
      } else if (LIST_KEYWORDS.contains(keyword)) {
        if (!value.isArray()) {
          throw new ContractException(
              keyword + " is bound to " + limitPath + ", which is not a list: " + value);
        }
      } else {
        throw new ContractException("x-kinora-limits cannot bind the keyword " + keyword);
      }
      schema.set(keyword, value.deepCopy());
    }
  }

  /** The value at a dot path of limits.json, e.g. {@code video.title.max}. */
  static JsonNode lookup(JsonNode limits, String dotPath) {
    JsonNode current = limits;
    for (String segment : dotPath.split("\\.", -1)) {
      current = current.get(segment);
      if (current == null) {
        throw new ContractException("limits.json has no " + dotPath);
      }
    }
    return current;
  }
}
