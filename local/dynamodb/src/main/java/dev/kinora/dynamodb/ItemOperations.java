package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Single-item reads and writes, and their batch forms. Every method runs under the db lock. */
final class ItemOperations {
  private static final int MAX_BATCH_GET_KEYS = 100;
  private static final int MAX_BATCH_WRITES = 25;
  private static final Set<String> ALL_RETURN_VALUES =
      Set.of("ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  private final Database db;

  ItemOperations(Database db) {
    this.db = db;
  }

  ObjectNode putItem(JsonNode request) {
    Requests.rejectLegacy(request, "Expected", "ConditionalOperator");
    Table table = db.table(Json.requiredText(request, "TableName"));
    Map<String, AttrValue> item = Requests.requiredItem(request, "Item");
    table.validateItem(item, false);
    ExpressionInput input = ExpressionInput.from(request);
    Expr.Condition condition = Requests.condition(request, input);
    input.checkAllUsed();
    String returnValues = Requests.returnValues(request, Set.of("ALL_OLD"));

    Map<String, AttrValue> old = table.get(table.keyOf(item));
    Requests.checkCondition(condition, old, Requests.returnOldOnConditionFailure(request));
    db.write(table, old, item);

    ObjectNode out = Json.object();
    if (returnValues.equals("ALL_OLD") && old != null) {
      out.set("Attributes", AttrValue.itemToJson(old));
    }
    Requests.addCapacity(out, request, table.name, Requests.writeUnits(old, item));
    return out;
  }

  ObjectNode getItem(JsonNode request) {
    Table table = db.table(Json.requiredText(request, "TableName"));
    Map<String, AttrValue> key = table.validateKey(Requests.requiredItem(request, "Key"));
    ExpressionInput input = ExpressionInput.from(request);
    List<DocPath> projection = Requests.projection(request, input);
    input.checkAllUsed();

    Map<String, AttrValue> item = table.get(key);
    ObjectNode out = Json.object();
    if (item != null) {
      out.set(
          "Item",
          AttrValue.itemToJson(projection == null ? item : DocPath.project(item, projection)));
    }
    Requests.addCapacity(
        out, request, table.name, Requests.readUnits(item == null ? 0 : AttrValue.itemSize(item)));
    return out;
  }

  ObjectNode deleteItem(JsonNode request) {
    Requests.rejectLegacy(request, "Expected", "ConditionalOperator");
    Table table = db.table(Json.requiredText(request, "TableName"));
    Map<String, AttrValue> key = table.validateKey(Requests.requiredItem(request, "Key"));
    ExpressionInput input = ExpressionInput.from(request);
    Expr.Condition condition = Requests.condition(request, input);
    input.checkAllUsed();
    String returnValues = Requests.returnValues(request, Set.of("ALL_OLD"));

    Map<String, AttrValue> old = table.get(key);
    Requests.checkCondition(condition, old, Requests.returnOldOnConditionFailure(request));
    db.write(table, old, null);

    ObjectNode out = Json.object();
    if (returnValues.equals("ALL_OLD") && old != null) {
      out.set("Attributes", AttrValue.itemToJson(old));
    }
    Requests.addCapacity(out, request, table.name, Requests.writeUnits(old, null));
    return out;
  }

  ObjectNode updateItem(JsonNode request) {
    Requests.rejectLegacy(request, "Expected", "ConditionalOperator", "AttributeUpdates");
    Table table = db.table(Json.requiredText(request, "TableName"));
    Map<String, AttrValue> key = table.validateKey(Requests.requiredItem(request, "Key"));
    ExpressionInput input = ExpressionInput.from(request);
    Expr.UpdatePlan plan = updatePlan(request, input, table);
    Expr.Condition condition = Requests.condition(request, input);
    input.checkAllUsed();
    String returnValues = Requests.returnValues(request, ALL_RETURN_VALUES);

    Map<String, AttrValue> old = table.get(key);
    Requests.checkCondition(condition, old, Requests.returnOldOnConditionFailure(request));
    Map<String, AttrValue> updated = plan.apply(old != null ? old : key);
    table.validateItem(updated, true);
    db.write(table, old, updated);

    ObjectNode out = Json.object();
    Map<String, AttrValue> attributes =
        switch (returnValues) {
          case "ALL_OLD" -> old;
          case "ALL_NEW" -> updated;
          case "UPDATED_OLD" -> old == null ? null : DocPath.project(old, plan.allPaths());
          case "UPDATED_NEW" -> DocPath.project(updated, plan.writtenPaths());
          default -> null;
        };
    if (attributes != null && !attributes.isEmpty()) {
      out.set("Attributes", AttrValue.itemToJson(attributes));
    }
    Requests.addCapacity(out, request, table.name, Requests.writeUnits(old, updated));
    return out;
  }

  /** Parses UpdateExpression and refuses actions on key attributes. */
  static Expr.UpdatePlan updatePlan(JsonNode request, ExpressionInput input, Table table) {
    String text = Json.text(request, "UpdateExpression");
    if (text == null) {
      return new Expr.UpdatePlan(List.of(), List.of(), List.of(), List.of());
    }
    Expr.UpdatePlan plan = ExpressionParser.update(text, input);
    for (DocPath path : plan.allPaths()) {
      if (table.keys.names().contains(path.topLevel())) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Cannot update attribute "
                + path.topLevel()
                + ". This attribute is part of the key");
      }
    }
    return plan;
  }

  ObjectNode batchGetItem(JsonNode request) {
    JsonNode requestItems = request.path("RequestItems");
    if (!requestItems.isObject() || requestItems.isEmpty()) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint:"
              + " Member must have length greater than or equal to 1");
    }
    record TableRead(Table table, List<Map<String, AttrValue>> keys, List<DocPath> projection) {}
    List<TableRead> reads = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
      Table table = db.table(entry.getKey());
      JsonNode spec = entry.getValue();
      ExpressionInput input = ExpressionInput.from(spec);
      List<DocPath> projection = Requests.projection(spec, input);
      input.checkAllUsed();
      List<Map<String, AttrValue>> keys = new ArrayList<>();
      Set<Map<String, AttrValue>> seen = new HashSet<>();
      for (JsonNode keyJson : spec.path("Keys")) {
        Map<String, AttrValue> key = table.validateKey(AttrValue.itemFromJson(keyJson, "Key"));
        if (!seen.add(key)) {
          throw ApiException.validation("Provided list of item keys contains duplicates");
        }
        keys.add(key);
      }
      if (keys.isEmpty()) {
        throw ApiException.validation(
            "1 validation error detected: Value at 'requestItems."
                + table.name
                + ".member.keys'"
                + " failed to satisfy constraint: Member must have length greater than or equal to"
                + " 1");
      }
      total += keys.size();
      reads.add(new TableRead(table, keys, projection));
    }
    if (total > MAX_BATCH_GET_KEYS) {
      throw ApiException.validation("Too many items requested for the BatchGetItem call");
    }
    ObjectNode out = Json.object();
    ObjectNode responses = out.putObject("Responses");
    ArrayNode capacity = Json.array();
    for (TableRead read : reads) {
      ArrayNode items = responses.putArray(read.table().name);
      long bytes = 0;
      for (Map<String, AttrValue> key : read.keys()) {
        Map<String, AttrValue> item = read.table().get(key);
        if (item != null) {
          bytes += AttrValue.itemSize(item);
          items.add(
              AttrValue.itemToJson(
                  read.projection() == null ? item : DocPath.project(item, read.projection())));
        }
      }
      capacity.add(Requests.capacity(read.table().name, Requests.readUnits(bytes)));
    }
    out.putObject("UnprocessedKeys");
    if (Requests.wantsCapacity(request)) {
      out.set("ConsumedCapacity", capacity);
    }
    return out;
  }

  ObjectNode batchWriteItem(JsonNode request) {
    JsonNode requestItems = request.path("RequestItems");
    if (!requestItems.isObject() || requestItems.isEmpty()) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint:"
              + " Member must have length greater than or equal to 1");
    }
    record Write(Table table, Map<String, AttrValue> key, Map<String, AttrValue> item) {}
    List<Write> writes = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
      Table table = db.table(entry.getKey());
      for (JsonNode writeRequest : entry.getValue()) {
        Write write;
        if (writeRequest.has("PutRequest") == writeRequest.has("DeleteRequest")) {
          throw ApiException.validation(
              "A WriteRequest must contain exactly one of PutRequest or DeleteRequest");
        }
        if (writeRequest.has("PutRequest")) {
          Map<String, AttrValue> item =
              Requests.requiredItem(writeRequest.get("PutRequest"), "Item");
          table.validateItem(item, false);
          write = new Write(table, table.keyOf(item), item);
        } else {
          Map<String, AttrValue> key =
              table.validateKey(Requests.requiredItem(writeRequest.get("DeleteRequest"), "Key"));
          write = new Write(table, key, null);
        }
        if (!seen.add(List.of(table.name, write.key()))) {
          throw ApiException.validation("Provided list of item keys contains duplicates");
        }
        writes.add(write);
      }
    }
    if (writes.size() > MAX_BATCH_WRITES) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map"
              + " value must satisfy constraint: [Member must have length less than or equal to 25,"
              + " Member must have length greater than or equal to 1]");
    }
    Map<String, Double> units = new LinkedHashMap<>();
    for (Write write : writes) {
      Map<String, AttrValue> old = write.table().get(write.key());
      db.write(write.table(), old, write.item());
      units.merge(write.table().name, Requests.writeUnits(old, write.item()), Double::sum);
    }
    ObjectNode out = Json.object();
    out.putObject("UnprocessedItems");
    if (Requests.wantsCapacity(request)) {
      ArrayNode capacity = out.putArray("ConsumedCapacity");
      units.forEach((name, u) -> capacity.add(Requests.capacity(name, u)));
    }
    return out;
  }
}
