package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.UUID;

/**
 * Table lifecycle operations. Tables are ACTIVE the moment they exist: there is no provisioning.
 */
final class ControlPlane {
  private static final int MAX_LIST_TABLES = 100;
  private final Database db;

  ControlPlane(Database db) {
    this.db = db;
  }

  ObjectNode createTable(JsonNode request) {
    String name = Json.requiredText(request, "TableName");
    if (db.findTable(name) != null) {
      throw ApiException.resourceInUse("Table already exists: " + name);
    }
    Table table = Table.define(request, UUID.randomUUID().toString(), db.now());
    db.addTable(table);
    ObjectNode out = Json.object();
    out.set("TableDescription", table.describe("ACTIVE"));
    return out;
  }

  ObjectNode describeTable(JsonNode request) {
    String name = Json.requiredText(request, "TableName");
    Table table = db.findTable(name);
    if (table == null) {
      throw ApiException.resourceNotFound(
          "Requested resource not found: Table: " + name + " not found");
    }
    ObjectNode out = Json.object();
    out.set("Table", table.describe("ACTIVE"));
    return out;
  }

  ObjectNode listTables(JsonNode request) {
    int limit = request.path("Limit").asInt(MAX_LIST_TABLES);
    if (limit < 1 || limit > MAX_LIST_TABLES) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value less than or"
              + " equal to 100");
    }
    String start = Json.text(request, "ExclusiveStartTableName");
    Iterator<String> names =
        (start == null
                ? db.tables().navigableKeySet()
                : db.tables().tailMap(start, false).navigableKeySet())
            .iterator();
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("TableNames");
    String last = null;
    while (names.hasNext() && list.size() < limit) {
      last = names.next();
      list.add(last);
    }
    if (names.hasNext()) {
      out.put("LastEvaluatedTableName", last);
    }
    return out;
  }

  ObjectNode deleteTable(JsonNode request) {
    Table table = db.table(Json.requiredText(request, "TableName"));
    ObjectNode description = table.describe("DELETING");
    db.removeTable(table.name);
    ObjectNode out = Json.object();
    out.set("TableDescription", description);
    return out;
  }

  ObjectNode updateTable(JsonNode request) {
    Table table = db.table(Json.requiredText(request, "TableName"));
    for (JsonNode def : request.path("AttributeDefinitions")) {
      String attr = def.path("AttributeName").asText();
      String type = def.path("AttributeType").asText();
      String existing = table.attributeTypes.get(attr);
      if (existing != null && !existing.equals(type)) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Attribute "
                + attr
                + " is already defined with type "
                + existing);
      }
      table.attributeTypes.put(attr, type);
    }
    if (request.hasNonNull("BillingMode") || request.hasNonNull("ProvisionedThroughput")) {
      table.setBilling(
          request.path("BillingMode").asText(table.billingMode),
          request.get("ProvisionedThroughput"));
    }
    for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
      if (update.has("Create")) {
        Table.Index index = table.index(update.get("Create"), true);
        table.addIndex(index);
        // Existing items whose index key has the wrong type are left out, as DynamoDB's backfill
        // does.
      } else if (update.has("Delete")) {
        String indexName = update.path("Delete").path("IndexName").asText();
        Table.Index index = table.index(indexName);
        if (!index.global()) {
          throw ApiException.validation(
              "The table does not have the specified index: " + indexName);
        }
        table.indexes.remove(index);
      } else if (update.has("Update")) {
        table.index(update.path("Update").path("IndexName").asText());
      }
    }
    table.attributeTypes.keySet().removeIf(attr -> !usedByAnyKey(table, attr));
    JsonNode stream = request.get("StreamSpecification");
    if (stream != null && !stream.isNull()) {
      boolean enable = stream.path("StreamEnabled").asBoolean(false);
      if (enable && table.streamEnabled) {
        throw ApiException.validation("Table already has an enabled stream: " + table.arn());
      }
      if (!enable && !table.streamEnabled) {
        throw ApiException.validation("Table already has no enabled stream: " + table.arn());
      }
      if (enable) {
        table.enableStream(stream.path("StreamViewType").asText(null), db.now());
      } else {
        table.streamEnabled = false;
      }
    }
    db.markDirty(table);
    ObjectNode out = Json.object();
    out.set("TableDescription", table.describe("ACTIVE"));
    return out;
  }

  private static boolean usedByAnyKey(Table table, String attr) {
    if (table.keys.names().contains(attr)) {
      return true;
    }
    return table.indexes.stream().anyMatch(i -> i.keys().names().contains(attr));
  }

  ObjectNode updateTimeToLive(JsonNode request) {
    Table table = db.table(Json.requiredText(request, "TableName"));
    JsonNode spec = request.path("TimeToLiveSpecification");
    String attr = spec.path("AttributeName").asText(null);
    if (attr == null || attr.isEmpty() || !spec.has("Enabled")) {
      throw ApiException.validation(
          "1 validation error detected: TimeToLiveSpecification requires AttributeName and"
              + " Enabled");
    }
    boolean enable = spec.path("Enabled").asBoolean();
    if (enable && table.ttlEnabled) {
      throw ApiException.validation("TimeToLive is already enabled");
    }
    if (!enable && !table.ttlEnabled) {
      throw ApiException.validation("TimeToLive is already disabled");
    }
    if (!enable && !attr.equals(table.ttlAttribute)) {
      throw ApiException.validation(
          "TimeToLive is active on a different AttributeName: current AttributeName is "
              + table.ttlAttribute);
    }
    table.ttlEnabled = enable;
    table.ttlAttribute = attr;
    db.markDirty(table);
    ObjectNode out = Json.object();
    out.putObject("TimeToLiveSpecification").put("AttributeName", attr).put("Enabled", enable);
    return out;
  }

  ObjectNode describeTimeToLive(JsonNode request) {
    Table table = db.table(Json.requiredText(request, "TableName"));
    ObjectNode out = Json.object();
    ObjectNode description = out.putObject("TimeToLiveDescription");
    description.put("TimeToLiveStatus", table.ttlEnabled ? "ENABLED" : "DISABLED");
    if (table.ttlEnabled) {
      description.put("AttributeName", table.ttlAttribute);
    }
    return out;
  }

  ObjectNode describeEndpoints(JsonNode request) {
    ObjectNode out = Json.object();
    out.putArray("Endpoints")
        .addObject()
        .put("Address", "127.0.0.1")
        .put("CachePeriodInMinutes", 1440);
    return out;
  }
}
