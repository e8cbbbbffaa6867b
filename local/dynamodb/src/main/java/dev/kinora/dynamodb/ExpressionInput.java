package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, tracking which
 * placeholders the request's expressions used: DynamoDB rejects both undefined and unused ones.
 */
final class ExpressionInput {
  private final Map<String, String> names;
  private final Map<String, AttrValue> values;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  ExpressionInput(Map<String, String> names, Map<String, AttrValue> values) {
    this.names = names;
    this.values = values;
  }

  static ExpressionInput from(JsonNode request) {
    JsonNode namesNode = request.get("ExpressionAttributeNames");
    Map<String, String> names = null;
    if (namesNode != null && !namesNode.isNull()) {
      if (namesNode.isEmpty()) {
        throw ApiException.validation("ExpressionAttributeNames must not be empty");
      }
      names = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : namesNode.properties()) {
        requirePrefix(e.getKey(), '#', "ExpressionAttributeNames");
        names.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode valuesNode = request.get("ExpressionAttributeValues");
    Map<String, AttrValue> values = null;
    if (valuesNode != null && !valuesNode.isNull()) {
      if (valuesNode.isEmpty()) {
        throw ApiException.validation("ExpressionAttributeValues must not be empty");
      }
      values = AttrValue.valuesFromJson(valuesNode);
      values.keySet().forEach(k -> requirePrefix(k, ':', "ExpressionAttributeValues"));
    }
    return new ExpressionInput(names, values);
  }

  private static void requirePrefix(String key, char prefix, String parameter) {
    if (key.length() < 2 || key.charAt(0) != prefix) {
      throw ApiException.validation(
          parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
    }
  }

  String name(String placeholder, String kind) {
    String name = names == null ? null : names.get(placeholder);
    if (name == null) {
      throw ApiException.validation(
          "Invalid "
              + kind
              + ": An expression attribute name used in the document path is not defined;"
              + " attribute name: "
              + placeholder);
    }
    usedNames.add(placeholder);
    return name;
  }

  AttrValue value(String placeholder, String kind) {
    AttrValue value = values == null ? null : values.get(placeholder);
    if (value == null) {
      throw ApiException.validation(
          "Invalid "
              + kind
              + ": An expression attribute value used in expression is not defined; attribute"
              + " value: "
              + placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }

  /** Call after every expression of the request was parsed. */
  void checkAllUsed() {
    if (names != null) {
      List<String> unused = new ArrayList<>();
      names.keySet().stream().filter(k -> !usedNames.contains(k)).forEach(unused::add);
      if (!unused.isEmpty()) {
        throw ApiException.validation(
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                + String.join(", ", unused)
                + "}");
      }
    }
    if (values != null) {
      List<String> unused = new ArrayList<>();
      values.keySet().stream().filter(k -> !usedValues.contains(k)).forEach(unused::add);
      if (!unused.isEmpty()) {
        throw ApiException.validation(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                + String.join(", ", unused)
                + "}");
      }
    }
  }
}
