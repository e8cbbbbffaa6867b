package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. The write lock makes a transaction atomic: every
 * condition is checked and every new item computed before the first one is stored.
 */
final class Transactions {
  private static final int MAX_ITEMS = 100;
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
  private final Database db;
  private final Map<String, Completed> completedByToken = new HashMap<>();

  /** A committed transaction remembered by its ClientRequestToken, as DynamoDB does for 10 min. */
  private record Completed(JsonNode request, ObjectNode response, Instant at) {}

  Transactions(Database db) {
    this.db = db;
  }

  private enum Action {
    PUT,
    UPDATE,
    DELETE,
    CONDITION_CHECK
  }

  /** One validated TransactItem, ready to evaluate. */
  private record Planned(
      Action action,
      Table table,
      Map<String, AttrValue> key,
      Map<String, AttrValue> item,
      Expr.UpdatePlan update,
      Expr.Condition condition,
      boolean returnOldOnFailure) {}

  ObjectNode write(JsonNode request) {
    String token = Json.text(request, "ClientRequestToken");
    if (token == null) {
      return commit(request);
    }
    Instant now = db.now();
    completedByToken.values().removeIf(c -> c.at().plus(TOKEN_LIFETIME).isBefore(now));
    ObjectNode withoutToken = ((ObjectNode) request).deepCopy();
    withoutToken.remove("ClientRequestToken");
    withoutToken.remove("ReturnConsumedCapacity");
    Completed earlier = completedByToken.get(token);
    if (earlier != null) {
      if (!earlier.request().equals(withoutToken)) {
        throw new ApiException(
            "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException",
            "The request uses the same client token as a previous, but non-identical request.",
            400,
            null);
      }
      return earlier.response().deepCopy();
    }
    ObjectNode response = commit(request);
    completedByToken.put(token, new Completed(withoutToken, response.deepCopy(), now));
    return response;
  }

  private ObjectNode commit(JsonNode request) {
    JsonNode entries = request.path("TransactItems");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ITEMS) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'transactItems' failed to satisfy constraint:"
              + " Member must have length less than or equal to 100 and greater than or equal to"
              + " 1");
    }
    List<Planned> plans = new ArrayList<>();
    Set<List<Object>> touched = new HashSet<>();
    for (JsonNode entry : entries) {
      Planned planned = plan(entry);
      if (!touched.add(List.of(planned.table().name, planned.key()))) {
        throw ApiException.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      plans.add(planned);
    }

    List<Map<String, AttrValue>> olds = new ArrayList<>();
    List<Map<String, AttrValue>> news = new ArrayList<>();
    ArrayNode reasons = Json.array();
    boolean cancelled = false;
    for (Planned p : plans) {
      Map<String, AttrValue> old = p.table().get(p.key());
      olds.add(old);
      ObjectNode reason = reasons.addObject();
      if (p.condition() != null && !p.condition().test(old == null ? Map.of() : old)) {
        reason.put("Code", "ConditionalCheckFailed");
        reason.put("Message", "The conditional request failed");
        if (p.returnOldOnFailure() && old != null) {
          reason.set("Item", AttrValue.itemToJson(old));
        }
        news.add(null);
        cancelled = true;
        continue;
      }
      try {
        news.add(newVersion(p, old));
        reason.put("Code", "None");
      } catch (ApiException e) {
        reason.put("Code", "ValidationError");
        reason.put("Message", e.getMessage());
        news.add(null);
        cancelled = true;
      }
    }
    if (cancelled) {
      List<String> codes = new ArrayList<>();
      reasons.forEach(r -> codes.add(r.path("Code").asText()));
      ObjectNode extra = Json.object();
      extra.set("CancellationReasons", reasons);
      throw ApiException.transactionCanceled(
          "Transaction cancelled, please refer cancellation reasons for specific reasons "
              + codes.toString(),
          extra);
    }

    ObjectNode out = Json.object();
    Map<String, Double> units = new LinkedHashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      Planned p = plans.get(i);
      if (p.action() != Action.CONDITION_CHECK) {
        db.write(p.table(), olds.get(i), news.get(i));
      }
      units.merge(p.table().name, 2 * Requests.writeUnits(olds.get(i), news.get(i)), Double::sum);
    }
    if (Requests.wantsCapacity(request)) {
      ArrayNode capacity = out.putArray("ConsumedCapacity");
      units.forEach((name, u) -> capacity.add(Requests.capacity(name, u)));
    }
    return out;
  }

  private Planned plan(JsonNode entry) {
    List<String> present = new ArrayList<>();
    entry.fieldNames().forEachRemaining(present::add);
    if (present.size() != 1) {
      throw ApiException.validation(
          "TransactItems can only contain one of Check, Put, Update or Delete");
    }
    String kind = present.get(0);
    JsonNode spec = entry.get(kind);
    Table table = db.table(Json.requiredText(spec, "TableName"));
    ExpressionInput input = ExpressionInput.from(spec);
    boolean returnOld = Requests.returnOldOnConditionFailure(spec);
    Planned planned =
        switch (kind) {
          case "Put" -> {
            Map<String, AttrValue> item = Requests.requiredItem(spec, "Item");
            table.validateItem(item, false);
            yield new Planned(
                Action.PUT,
                table,
                table.keyOf(item),
                item,
                null,
                Requests.condition(spec, input),
                returnOld);
          }
          case "Update" -> {
            Map<String, AttrValue> key = table.validateKey(Requests.requiredItem(spec, "Key"));
            if (Json.text(spec, "UpdateExpression") == null) {
              throw ApiException.validation(
                  "1 validation error detected: Value null at 'transactItems.member.update."
                      + "updateExpression' failed to satisfy constraint: Member must not be null");
            }
            Expr.UpdatePlan update = ItemOperations.updatePlan(spec, input, table);
            yield new Planned(
                Action.UPDATE,
                table,
                key,
                null,
                update,
                Requests.condition(spec, input),
                returnOld);
          }
          case "Delete" -> {
            Map<String, AttrValue> key = table.validateKey(Requests.requiredItem(spec, "Key"));
            yield new Planned(
                Action.DELETE, table, key, null, null, Requests.condition(spec, input), returnOld);
          }
          case "ConditionCheck" -> {
            Map<String, AttrValue> key = table.validateKey(Requests.requiredItem(spec, "Key"));
            Expr.Condition condition = Requests.condition(spec, input);
            if (condition == null) {
              throw ApiException.validation(
                  "1 validation error detected: Value null at 'transactItems.member.conditionCheck."
                      + "conditionExpression' failed to satisfy constraint: Member must not be null");
            }
            yield new Planned(Action.CONDITION_CHECK, table, key, null, null, condition, returnOld);
          }
          default ->
              throw ApiException.validation(
                  "TransactItems can only contain one of Check, Put, Update or Delete");
        };
    input.checkAllUsed();
    return planned;
  }

  private static Map<String, AttrValue> newVersion(Planned p, Map<String, AttrValue> old) {
    return switch (p.action()) {
      case PUT -> p.item();
      case DELETE -> null;
      case CONDITION_CHECK -> old;
      case UPDATE -> {
        Map<String, AttrValue> updated = p.update().apply(old != null ? old : p.key());
        p.table().validateItem(updated, true);
        yield updated;
      }
    };
  }

  ObjectNode get(JsonNode request) {
    JsonNode entries = request.path("TransactItems");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ITEMS) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'transactItems' failed to satisfy constraint:"
              + " Member must have length less than or equal to 100 and greater than or equal to"
              + " 1");
    }
    record Read(Table table, Map<String, AttrValue> key, List<DocPath> projection) {}
    List<Read> reads = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode spec = entry.get("Get");
      if (spec == null) {
        throw ApiException.validation("TransactGetItems entries must contain Get");
      }
      Table table = db.table(Json.requiredText(spec, "TableName"));
      Map<String, AttrValue> key = table.validateKey(Requests.requiredItem(spec, "Key"));
      ExpressionInput input = ExpressionInput.from(spec);
      List<DocPath> projection = Requests.projection(spec, input);
      input.checkAllUsed();
      reads.add(new Read(table, key, projection));
    }
    ObjectNode out = Json.object();
    ArrayNode responses = out.putArray("Responses");
    for (Read read : reads) {
      ObjectNode response = responses.addObject();
      Map<String, AttrValue> item = read.table().get(read.key());
      if (item != null) {
        response.set(
            "Item",
            AttrValue.itemToJson(
                read.projection() == null ? item : DocPath.project(item, read.projection())));
      }
    }
    return out;
  }
}
