package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request parameters shared by the item, read and transaction operations. */
final class Requests {
  private static final double WRITE_UNIT_BYTES = 1024;
  private static final double READ_UNIT_BYTES = 4096;

  private Requests() {}

  static Expr.Condition condition(JsonNode request, ExpressionInput input) {
    String text = Json.text(request, "ConditionExpression");
    return text == null ? null : ExpressionParser.condition(text, "ConditionExpression", input);
  }

  static Expr.Condition filter(JsonNode request, ExpressionInput input) {
    String text = Json.text(request, "FilterExpression");
    return text == null ? null : ExpressionParser.condition(text, "FilterExpression", input);
  }

  /** ProjectionExpression, or the legacy AttributesToGet list; null means every attribute. */
  static List<DocPath> projection(JsonNode request, ExpressionInput input) {
    String text = Json.text(request, "ProjectionExpression");
    JsonNode legacy = request.get("AttributesToGet");
    if (text != null && legacy != null && !legacy.isNull()) {
      throw ApiException.validation(
          "Can not use both expression and non-expression parameters in the same request:"
              + " Non-expression parameters: {AttributesToGet} Expression parameters:"
              + " {ProjectionExpression}");
    }
    if (text != null) {
      return ExpressionParser.projection(text, input);
    }
    if (legacy != null && !legacy.isNull()) {
      List<DocPath> paths = new ArrayList<>();
      legacy.forEach(n -> paths.add(DocPath.of(n.asText())));
      return paths;
    }
    return null;
  }

  static String returnValues(JsonNode request, Set<String> allowed) {
    String value = Json.text(request, "ReturnValues");
    if (value == null || value.equals("NONE")) {
      return "NONE";
    }
    if (!allowed.contains(value)) {
      throw ApiException.validation(
          Set.of("ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW").contains(value)
              ? "ReturnValues can only be ALL_OLD or NONE"
              : "1 validation error detected: Value '"
                  + value
                  + "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum"
                  + " value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
    }
    return value;
  }

  static boolean returnOldOnConditionFailure(JsonNode request) {
    return "ALL_OLD".equals(Json.text(request, "ReturnValuesOnConditionCheckFailure"));
  }

  /** Legacy (pre-expression) parameters are not implemented; say so instead of ignoring them. */
  static void rejectLegacy(JsonNode request, String... parameters) {
    for (String parameter : parameters) {
      if (request.hasNonNull(parameter)) {
        throw ApiException.validation(
            "kinora-dynamodb-lite does not support the legacy parameter "
                + parameter
                + "; use the expression parameters instead");
      }
    }
  }

  static void checkCondition(
      Expr.Condition condition, Map<String, AttrValue> existing, boolean returnOld) {
    if (condition != null && !condition.test(existing == null ? Map.of() : existing)) {
      throw ApiException.conditionalCheckFailed(
          returnOld && existing != null ? AttrValue.itemToJson(existing) : null);
    }
  }

  static double writeUnits(Map<String, AttrValue> oldItem, Map<String, AttrValue> newItem) {
    long size =
        Math.max(
            oldItem == null ? 0 : AttrValue.itemSize(oldItem),
            newItem == null ? 0 : AttrValue.itemSize(newItem));
    return Math.max(1, Math.ceil(size / WRITE_UNIT_BYTES));
  }

  static double readUnits(long bytes) {
    return Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
  }

  static boolean wantsCapacity(JsonNode request) {
    String mode = Json.text(request, "ReturnConsumedCapacity");
    return "TOTAL".equals(mode) || "INDEXES".equals(mode);
  }

  static ObjectNode capacity(String table, double units) {
    ObjectNode c = Json.object();
    c.put("TableName", table);
    c.put("CapacityUnits", units);
    return c;
  }

  static void addCapacity(ObjectNode out, JsonNode request, String table, double units) {
    if (wantsCapacity(request)) {
      out.set("ConsumedCapacity", capacity(table, units));
    }
  }

  static Map<String, AttrValue> requiredItem(JsonNode request, String field) {
    Map<String, AttrValue> item = AttrValue.itemFromJson(request.get(field), field);
    if (item == null) {
      String member = Character.toLowerCase(field.charAt(0)) + field.substring(1);
      throw ApiException.validation(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return item;
  }
}
