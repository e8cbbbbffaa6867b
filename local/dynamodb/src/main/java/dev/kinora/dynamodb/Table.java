package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** One table: its schema, its indexes, and its items ordered by partition key then sort key. */
final class Table {
  static final String ACCOUNT_ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";
  static final long MAX_ITEM_BYTES = 400 * 1024;
  private static final long MAX_PARTITION_KEY_BYTES = 2048;
  private static final long MAX_SORT_KEY_BYTES = 1024;
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final Pattern INDEX_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final DateTimeFormatter STREAM_LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  record KeyAttr(String name, String type) {}

  record KeySchema(KeyAttr hash, KeyAttr range) {
    List<String> names() {
      return range == null ? List.of(hash.name()) : List.of(hash.name(), range.name());
    }
  }

  record Index(
      String name,
      boolean global,
      KeySchema keys,
      String projectionType,
      List<String> nonKeyAttributes,
      ObjectNode provisionedThroughput) {}

  final String name;
  final String tableId;
  final Instant createdAt;
  final Map<String, String> attributeTypes = new LinkedHashMap<>();
  final KeySchema keys;
  final List<Index> indexes = new ArrayList<>();
  String billingMode;
  ObjectNode provisionedThroughput;
  boolean streamEnabled;
  String streamViewType;
  String streamLabel;
  String ttlAttribute;
  boolean ttlEnabled;
  private final TreeMap<AttrValue, TreeMap<AttrValue, Map<String, AttrValue>>> partitions =
      new TreeMap<>(AttrValue::compareKeys);
  private int itemCount;

  private Table(String name, String tableId, Instant createdAt, KeySchema keys) {
    this.name = name;
    this.tableId = tableId;
    this.createdAt = createdAt;
    this.keys = keys;
  }

  // ---------------------------------------------------------------- definition

  /** Builds a table from a CreateTable request (also the shape persisted in snapshots). */
  static Table define(JsonNode request, String tableId, Instant createdAt) {
    String name = request.path("TableName").asText(null);
    validateTableName(name);
    Map<String, String> types = new LinkedHashMap<>();
    JsonNode defs = request.path("AttributeDefinitions");
    if (!defs.isArray() || defs.isEmpty()) {
      throw ApiException.validation(
          "One or more parameter values were invalid: Some index key attributes are not defined in"
              + " AttributeDefinitions.");
    }
    for (JsonNode def : defs) {
      String type = def.path("AttributeType").asText();
      if (!Set.of("S", "N", "B").contains(type)) {
        throw ApiException.validation(
            "1 validation error detected: Value '"
                + type
                + "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint:"
                + " Member must satisfy enum value set: [B, N, S]");
      }
      if (types.put(def.path("AttributeName").asText(), type) != null) {
        throw ApiException.validation(
            "Cannot have two attributes with the same name. Attribute: "
                + def.path("AttributeName").asText());
      }
    }
    KeySchema keys = keySchema(request.path("KeySchema"), types, "table");
    Table table = new Table(name, tableId, createdAt, keys);
    table.attributeTypes.putAll(types);
    for (JsonNode lsi : request.path("LocalSecondaryIndexes")) {
      if (keys.range() == null) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Table KeySchema does not have a range key,"
                + " which is required when specifying a LocalSecondaryIndex");
      }
      Index index = table.index(lsi, false);
      if (!index.keys().hash().name().equals(keys.hash().name())) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Index KeySchema does not have the same"
                + " leading hash key as table KeySchema for index: "
                + index.name()
                + ". index hash key: "
                + index.keys().hash().name()
                + ", table hash key: "
                + keys.hash().name());
      }
      table.addIndex(index);
    }
    table.billingMode = request.path("BillingMode").asText("PROVISIONED");
    for (JsonNode gsi : request.path("GlobalSecondaryIndexes")) {
      table.addIndex(table.index(gsi, true));
    }
    table.setBilling(table.billingMode, request.get("ProvisionedThroughput"));
    table.checkAllDefinitionsUsed();
    JsonNode stream = request.path("StreamSpecification");
    if (stream.path("StreamEnabled").asBoolean(false)) {
      table.enableStream(stream.path("StreamViewType").asText(null), createdAt);
    }
    return table;
  }

  private static void validateTableName(String name) {
    if (name == null || !TABLE_NAME.matcher(name).matches()) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + name
              + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
    }
  }

  private static KeySchema keySchema(JsonNode schema, Map<String, String> types, String owner) {
    KeyAttr hash = null;
    KeyAttr range = null;
    if (!schema.isArray() || schema.isEmpty() || schema.size() > 2) {
      throw ApiException.validation(
          "1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member"
              + " must have length less than or equal to 2 and greater than or equal to 1");
    }
    for (JsonNode element : schema) {
      String attr = element.path("AttributeName").asText();
      String type = types.get(attr);
      if (type == null) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Some index key attributes are not defined"
                + " in AttributeDefinitions. Keys: ["
                + attr
                + "], AttributeDefinitions: "
                + types.keySet());
      }
      switch (element.path("KeyType").asText()) {
        case "HASH" -> {
          if (hash != null) {
            throw ApiException.validation(
                "Invalid KeySchema: Some index key attribute have no definition");
          }
          hash = new KeyAttr(attr, type);
        }
        case "RANGE" -> {
          if (range != null) {
            throw ApiException.validation(
                "Invalid KeySchema: Some index key attribute have no definition");
          }
          range = new KeyAttr(attr, type);
        }
        default ->
            throw ApiException.validation(
                "Invalid KeySchema: KeyType must be HASH or RANGE for " + owner);
      }
    }
    if (hash == null) {
      throw ApiException.validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (range != null && range.name().equals(hash.name())) {
      throw ApiException.validation(
          "Invalid KeySchema: Both the Hash Key and the Range Key element in the KeySchema have"
              + " the same name");
    }
    return new KeySchema(hash, range);
  }

  Index index(JsonNode spec, boolean global) {
    String indexName = spec.path("IndexName").asText(null);
    if (indexName == null || !INDEX_NAME.matcher(indexName).matches()) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + indexName
              + "' at 'indexName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: [a-zA-Z0-9_.-]+");
    }
    KeySchema indexKeys = keySchema(spec.path("KeySchema"), attributeTypes, indexName);
    JsonNode projection = spec.path("Projection");
    String type = projection.path("ProjectionType").asText("ALL");
    List<String> nonKey = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
    switch (type) {
      case "ALL", "KEYS_ONLY" -> {
        if (!nonKey.isEmpty()) {
          throw ApiException.validation(
              "One or more parameter values were invalid: ProjectionType is "
                  + type
                  + ", but NonKeyAttributes is specified");
        }
      }
      case "INCLUDE" -> {
        if (nonKey.isEmpty()) {
          throw ApiException.validation(
              "One or more parameter values were invalid: NonKeyAttributes must be specified when"
                  + " ProjectionType is INCLUDE");
        }
      }
      default ->
          throw ApiException.validation(
              "1 validation error detected: Value '"
                  + type
                  + "' at 'projection.projectionType' failed to satisfy constraint: Member must"
                  + " satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
    }
    JsonNode throughput = spec.get("ProvisionedThroughput");
    return new Index(
        indexName,
        global,
        indexKeys,
        type,
        List.copyOf(nonKey),
        throughput instanceof ObjectNode o ? o.deepCopy() : null);
  }

  void addIndex(Index index) {
    for (Index existing : indexes) {
      if (existing.name().equals(index.name())) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Duplicate index name: " + index.name());
      }
    }
    if (index.global()
        && "PROVISIONED".equals(billingMode)
        && index.provisionedThroughput() == null) {
      throw ApiException.validation(
          "One or more parameter values were invalid: ProvisionedThroughput must be specified for"
              + " index: "
              + index.name());
    }
    indexes.add(index);
  }

  void setBilling(String mode, JsonNode throughput) {
    switch (mode) {
      case "PROVISIONED" -> {
        if (throughput == null
            || !throughput.has("ReadCapacityUnits")
            || !throughput.has("WriteCapacityUnits")) {
          throw ApiException.validation(
              "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits"
                  + " must both be specified when BillingMode is PROVISIONED");
        }
        provisionedThroughput = ((ObjectNode) throughput).deepCopy();
      }
      case "PAY_PER_REQUEST" -> {
        if (throughput != null && !throughput.isNull()) {
          throw ApiException.validation(
              "One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                  + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        provisionedThroughput = null;
      }
      default ->
          throw ApiException.validation(
              "1 validation error detected: Value '"
                  + mode
                  + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum"
                  + " value set: [PROVISIONED, PAY_PER_REQUEST]");
    }
    billingMode = mode;
  }

  void checkAllDefinitionsUsed() {
    Set<String> used = new LinkedHashSet<>(keys.names());
    indexes.forEach(i -> used.addAll(i.keys().names()));
    if (!used.containsAll(attributeTypes.keySet())) {
      throw ApiException.validation(
          "One or more parameter values were invalid: Some AttributeDefinitions are not used."
              + " AttributeDefinitions: "
              + attributeTypes.keySet()
              + ", keys used: "
              + used);
    }
  }

  void enableStream(String viewType, Instant now) {
    if (!Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES").contains(viewType)) {
      throw ApiException.validation(
          "One or more parameter values were invalid: StreamViewType must be one of KEYS_ONLY,"
              + " NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES when StreamEnabled is true");
    }
    streamEnabled = true;
    streamViewType = viewType;
    streamLabel = STREAM_LABEL.format(now);
  }

  Index index(String indexName) {
    for (Index index : indexes) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    throw ApiException.validation("The table does not have the specified index: " + indexName);
  }

  String arn() {
    return ACCOUNT_ARN_PREFIX + name;
  }

  String streamArn() {
    return streamLabel == null ? null : arn() + "/stream/" + streamLabel;
  }

  // ---------------------------------------------------------------- items

  Map<String, AttrValue> get(Map<String, AttrValue> key) {
    TreeMap<AttrValue, Map<String, AttrValue>> partition =
        partitions.get(key.get(keys.hash().name()));
    return partition == null ? null : partition.get(sortValue(key));
  }

  void put(Map<String, AttrValue> item) {
    Map<String, AttrValue> previous =
        partitions
            .computeIfAbsent(
                item.get(keys.hash().name()), k -> new TreeMap<>(AttrValue::compareKeys))
            .put(sortValue(item), orderedCopy(item));
    if (previous == null) {
      itemCount++;
    }
  }

  private static Map<String, AttrValue> orderedCopy(Map<String, AttrValue> item) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(item));
  }

  void delete(Map<String, AttrValue> key) {
    AttrValue hash = key.get(keys.hash().name());
    TreeMap<AttrValue, Map<String, AttrValue>> partition = partitions.get(hash);
    if (partition != null && partition.remove(sortValue(key)) != null) {
      itemCount--;
      if (partition.isEmpty()) {
        partitions.remove(hash);
      }
    }
  }

  private AttrValue sortValue(Map<String, AttrValue> item) {
    return keys.range() == null ? AttrValue.NULL : item.get(keys.range().name());
  }

  /** The items of one partition in ascending sort-key order. */
  Collection<Map<String, AttrValue>> partition(AttrValue hash) {
    NavigableMap<AttrValue, Map<String, AttrValue>> partition = partitions.get(hash);
    return partition == null ? List.of() : partition.values();
  }

  /** Every item, ordered by partition key then sort key. */
  void forEachItem(Consumer<Map<String, AttrValue>> action) {
    partitions.values().forEach(p -> p.values().forEach(action));
  }

  List<Map<String, AttrValue>> items() {
    List<Map<String, AttrValue>> all = new ArrayList<>(itemCount);
    forEachItem(all::add);
    return all;
  }

  int itemCount() {
    return itemCount;
  }

  long sizeBytes() {
    long[] total = {0};
    forEachItem(item -> total[0] += AttrValue.itemSize(item));
    return total[0];
  }

  Map<String, AttrValue> keyOf(Map<String, AttrValue> item) {
    Map<String, AttrValue> key = new LinkedHashMap<>();
    for (String attr : keys.names()) {
      key.put(attr, item.get(attr));
    }
    return key;
  }

  /** Table key plus index key: what LastEvaluatedKey holds for an index read. */
  Map<String, AttrValue> keyOf(Map<String, AttrValue> item, Index index) {
    Map<String, AttrValue> key = keyOf(item);
    if (index != null) {
      for (String attr : index.keys().names()) {
        key.put(attr, item.get(attr));
      }
    }
    return key;
  }

  boolean inIndex(Map<String, AttrValue> item, Index index) {
    for (String attr : index.keys().names()) {
      if (!item.containsKey(attr)) {
        return false;
      }
    }
    return true;
  }

  /** The attributes an index holds for an item, per its projection. */
  Map<String, AttrValue> projectForIndex(Map<String, AttrValue> item, Index index) {
    if (index.projectionType().equals("ALL")) {
      return item;
    }
    Map<String, AttrValue> projected = keyOf(item, index);
    for (String attr : index.nonKeyAttributes()) {
      AttrValue v = item.get(attr);
      if (v != null) {
        projected.put(attr, v);
      }
    }
    return projected;
  }

  /** Validates a Key parameter: exactly the key attributes, with the schema's types. */
  Map<String, AttrValue> validateKey(Map<String, AttrValue> key) {
    if (key == null) {
      throw ApiException.validation("The provided key element does not match the schema");
    }
    if (key.size() != keys.names().size()) {
      throw ApiException.validation("The provided key element does not match the schema");
    }
    for (KeyAttr attr : keyAttrs()) {
      AttrValue v = key.get(attr.name());
      if (v == null || !v.type().equals(attr.type())) {
        throw ApiException.validation("The provided key element does not match the schema");
      }
      checkKeyValue(attr, v, attr == keys.hash());
    }
    return keyOf(key);
  }

  private List<KeyAttr> keyAttrs() {
    return keys.range() == null ? List.of(keys.hash()) : List.of(keys.hash(), keys.range());
  }

  private static void checkKeyValue(KeyAttr attr, AttrValue v, boolean partition) {
    long size = AttrValue.size(v);
    if (size == 0 && (v instanceof AttrValue.S || v instanceof AttrValue.B)) {
      throw ApiException.validation(
          "One or more parameter values are not valid. The AttributeValue for a key attribute"
              + " cannot contain an empty "
              + (v instanceof AttrValue.S ? "string" : "binary")
              + " value. Key: "
              + attr.name());
    }
    if (partition && size > MAX_PARTITION_KEY_BYTES) {
      throw ApiException.validation(
          "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size"
              + " limit of2048 bytes");
    }
    if (!partition && size > MAX_SORT_KEY_BYTES) {
      throw ApiException.validation(
          "One or more parameter values were invalid: Aggregated size of all range keys has"
              + " exceeded the size limit of 1024 bytes");
    }
  }

  /** Validates a whole item about to be stored: keys, index key types, size. */
  void validateItem(Map<String, AttrValue> item, boolean fromUpdate) {
    for (KeyAttr attr : keyAttrs()) {
      AttrValue v = item.get(attr.name());
      if (v == null) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Missing the key "
                + attr.name()
                + " in the item");
      }
      if (!v.type().equals(attr.type())) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Type mismatch for key "
                + attr.name()
                + " expected: "
                + attr.type()
                + " actual: "
                + v.type());
      }
      checkKeyValue(attr, v, attr == keys.hash());
    }
    for (Index index : indexes) {
      for (String attr : index.keys().names()) {
        AttrValue v = item.get(attr);
        if (v == null || keys.names().contains(attr)) {
          continue;
        }
        String expected = attributeTypes.get(attr);
        if (!v.type().equals(expected)) {
          throw ApiException.validation(
              "One or more parameter values were invalid: Type mismatch for Index Key "
                  + attr
                  + " Expected: "
                  + expected
                  + " Actual: "
                  + v.type()
                  + " IndexName: "
                  + index.name());
        }
        if (AttrValue.size(v) == 0) {
          throw ApiException.validation(
              "One or more parameter values are not valid. A value specified for a secondary index"
                  + " key is not supported. The AttributeValue for a key attribute cannot contain an"
                  + " empty string value. IndexName: "
                  + index.name()
                  + ", IndexKey: "
                  + attr);
        }
      }
    }
    if (AttrValue.itemSize(item) > MAX_ITEM_BYTES) {
      throw ApiException.validation(
          fromUpdate
              ? "Item size to update has exceeded the maximum allowed size"
              : "Item size has exceeded the maximum allowed size");
    }
  }

  // ---------------------------------------------------------------- descriptions

  ObjectNode describe(String status) {
    ObjectNode t = JSON.objectNode();
    t.set("AttributeDefinitions", attributeDefinitionsJson());
    t.put("TableName", name);
    t.set("KeySchema", keySchemaJson(keys));
    t.put("TableStatus", status);
    t.put("CreationDateTime", createdAt.toEpochMilli() / 1000.0);
    t.set("ProvisionedThroughput", throughputJson(provisionedThroughput));
    t.put("TableSizeBytes", sizeBytes());
    t.put("ItemCount", itemCount);
    t.put("TableArn", arn());
    t.put("TableId", tableId);
    if ("PAY_PER_REQUEST".equals(billingMode)) {
      ObjectNode billing = t.putObject("BillingModeSummary");
      billing.put("BillingMode", billingMode);
      billing.put("LastUpdateToPayPerRequestDateTime", createdAt.toEpochMilli() / 1000.0);
    }
    ArrayNode lsis = JSON.arrayNode();
    ArrayNode gsis = JSON.arrayNode();
    for (Index index : indexes) {
      ObjectNode i = indexDefinitionJson((index.global() ? gsis : lsis).addObject(), index);
      long[] count = {0};
      long[] bytes = {0};
      forEachItem(
          item -> {
            if (inIndex(item, index)) {
              count[0]++;
              bytes[0] += AttrValue.itemSize(projectForIndex(item, index));
            }
          });
      if (index.global()) {
        i.put("IndexStatus", "ACTIVE");
        i.set("ProvisionedThroughput", throughputJson(index.provisionedThroughput()));
      }
      i.put("IndexSizeBytes", bytes[0]);
      i.put("ItemCount", count[0]);
      i.put("IndexArn", arn() + "/index/" + index.name());
    }
    if (!lsis.isEmpty()) {
      t.set("LocalSecondaryIndexes", lsis);
    }
    if (!gsis.isEmpty()) {
      t.set("GlobalSecondaryIndexes", gsis);
    }
    if (streamEnabled) {
      ObjectNode spec = t.putObject("StreamSpecification");
      spec.put("StreamEnabled", true);
      spec.put("StreamViewType", streamViewType);
    }
    if (streamLabel != null) {
      t.put("LatestStreamLabel", streamLabel);
      t.put("LatestStreamArn", streamArn());
    }
    t.put("DeletionProtectionEnabled", false);
    return t;
  }

  private ArrayNode attributeDefinitionsJson() {
    ArrayNode defs = JSON.arrayNode();
    attributeTypes.forEach(
        (attr, type) -> defs.addObject().put("AttributeName", attr).put("AttributeType", type));
    return defs;
  }

  private static ArrayNode keySchemaJson(KeySchema schema) {
    ArrayNode out = JSON.arrayNode();
    out.addObject().put("AttributeName", schema.hash().name()).put("KeyType", "HASH");
    if (schema.range() != null) {
      out.addObject().put("AttributeName", schema.range().name()).put("KeyType", "RANGE");
    }
    return out;
  }

  private static ObjectNode throughputJson(ObjectNode provisioned) {
    ObjectNode out = JSON.objectNode();
    out.put("NumberOfDecreasesToday", 0);
    out.put(
        "ReadCapacityUnits",
        provisioned == null ? 0 : provisioned.path("ReadCapacityUnits").asLong());
    out.put(
        "WriteCapacityUnits",
        provisioned == null ? 0 : provisioned.path("WriteCapacityUnits").asLong());
    return out;
  }

  /** Name, key schema and projection of an index: what DescribeTable and snapshots share. */
  private static ObjectNode indexDefinitionJson(ObjectNode target, Index index) {
    target.put("IndexName", index.name());
    target.set("KeySchema", keySchemaJson(index.keys()));
    ObjectNode projection = target.putObject("Projection");
    projection.put("ProjectionType", index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) {
      ArrayNode nonKey = projection.putArray("NonKeyAttributes");
      index.nonKeyAttributes().forEach(nonKey::add);
    }
    return target;
  }

  /** The CreateTable-shaped definition persisted in snapshots. */
  ObjectNode definitionJson() {
    ObjectNode d = JSON.objectNode();
    d.put("TableName", name);
    d.put("TableId", tableId);
    d.put("CreationDateTime", createdAt.toEpochMilli());
    d.set("AttributeDefinitions", attributeDefinitionsJson());
    d.set("KeySchema", keySchemaJson(keys));
    d.put("BillingMode", billingMode);
    if (provisionedThroughput != null) {
      d.set("ProvisionedThroughput", provisionedThroughput);
    }
    ArrayNode lsis = JSON.arrayNode();
    ArrayNode gsis = JSON.arrayNode();
    for (Index index : indexes) {
      ObjectNode i = indexDefinitionJson((index.global() ? gsis : lsis).addObject(), index);
      if (index.provisionedThroughput() != null) {
        i.set("ProvisionedThroughput", index.provisionedThroughput());
      }
    }
    if (!lsis.isEmpty()) {
      d.set("LocalSecondaryIndexes", lsis);
    }
    if (!gsis.isEmpty()) {
      d.set("GlobalSecondaryIndexes", gsis);
    }
    if (streamEnabled) {
      d.putObject("StreamSpecification")
          .put("StreamEnabled", true)
          .put("StreamViewType", streamViewType);
    }
    if (streamLabel != null) {
      d.put("LatestStreamLabel", streamLabel);
    }
    if (ttlAttribute != null) {
      d.putObject("TimeToLive").put("AttributeName", ttlAttribute).put("Enabled", ttlEnabled);
    }
    return d;
  }

  static Table fromDefinition(JsonNode d) {
    Table table =
        define(
            d,
            d.path("TableId").asText(),
            Instant.ofEpochMilli(d.path("CreationDateTime").asLong()));
    if (d.hasNonNull("LatestStreamLabel")) {
      table.streamLabel = d.path("LatestStreamLabel").asText();
    }
    JsonNode ttl = d.path("TimeToLive");
    if (ttl.hasNonNull("AttributeName")) {
      table.ttlAttribute = ttl.path("AttributeName").asText();
      table.ttlEnabled = ttl.path("Enabled").asBoolean();
    }
    return table;
  }
}
