package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Query and Scan. Both walk candidates in a fixed key order, skip past ExclusiveStartKey, stop at
 * Limit evaluated items (or 1 MB), and apply FilterExpression after Limit, as DynamoDB does.
 */
final class Reads {
  private static final long MAX_PAGE_BYTES = 1024 * 1024;
  private static final Set<String> SELECTS =
      Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
  private final Database db;

  Reads(Database db) {
    this.db = db;
  }

  /** The partition value a Query reads and the optional condition on the sort key. */
  private record KeyQuery(AttrValue partition, Expr.Condition sortCondition) {}

  ObjectNode query(JsonNode request) {
    Requests.rejectLegacy(request, "KeyConditions", "QueryFilter", "ConditionalOperator");
    Table table = db.table(Json.requiredText(request, "TableName"));
    Table.Index index = indexOf(request, table);
    Table.KeySchema schema = index == null ? table.keys : index.keys();
    ExpressionInput input = ExpressionInput.from(request);
    String keyText = Json.text(request, "KeyConditionExpression");
    if (keyText == null) {
      throw ApiException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the"
              + " request.");
    }
    KeyQuery keyQuery =
        keyQuery(ExpressionParser.condition(keyText, "KeyConditionExpression", input), schema);
    Expr.Condition filter = Requests.filter(request, input);
    List<DocPath> projection = Requests.projection(request, input);
    input.checkAllUsed();
    if (filter != null) {
      rejectKeysInFilter(filter, schema);
    }

    String hash = schema.hash().name();
    List<Map<String, AttrValue>> candidates = new ArrayList<>();
    if (index == null || !index.global()) {
      for (Map<String, AttrValue> item : table.partition(keyQuery.partition())) {
        if (index == null || table.inIndex(item, index)) {
          candidates.add(item);
        }
      }
    } else {
      table.forEachItem(
          item -> {
            if (table.inIndex(item, index) && keyQuery.partition().equals(item.get(hash))) {
              candidates.add(item);
            }
          });
    }
    if (keyQuery.sortCondition() != null) {
      candidates.removeIf(item -> !keyQuery.sortCondition().test(item));
    }
    Comparator<Map<String, AttrValue>> order = order(table, index);
    candidates.sort(order);
    if (!request.path("ScanIndexForward").asBoolean(true)) {
      return page(
          request, table, index, candidates.reversed(), order.reversed(), filter, projection);
    }
    return page(request, table, index, candidates, order, filter, projection);
  }

  ObjectNode scan(JsonNode request) {
    Requests.rejectLegacy(request, "ScanFilter", "ConditionalOperator");
    Table table = db.table(Json.requiredText(request, "TableName"));
    Table.Index index = indexOf(request, table);
    ExpressionInput input = ExpressionInput.from(request);
    Expr.Condition filter = Requests.filter(request, input);
    List<DocPath> projection = Requests.projection(request, input);
    input.checkAllUsed();

    JsonNode segmentNode = request.get("Segment");
    JsonNode totalNode = request.get("TotalSegments");
    if ((segmentNode == null) != (totalNode == null)) {
      throw ApiException.validation(
          "The TotalSegments parameter is required but was not present in the request when"
              + " Segment parameter is present");
    }
    int segment = segmentNode == null ? 0 : segmentNode.asInt();
    int totalSegments = totalNode == null ? 1 : totalNode.asInt();
    if (totalSegments < 1 || totalSegments > 1_000_000 || segment < 0) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + totalSegments
              + "' at 'totalSegments' failed to satisfy constraint: Member must have value between"
              + " 1 and 1000000");
    }
    if (segment >= totalSegments) {
      throw ApiException.validation(
          "The Segment parameter is zero-based and must be less than parameter TotalSegments:"
              + " Segment: "
              + segment
              + " is not less than TotalSegments: "
              + totalSegments);
    }
    String hash = index == null ? table.keys.hash().name() : index.keys().hash().name();
    List<Map<String, AttrValue>> candidates = new ArrayList<>();
    table.forEachItem(
        item -> {
          if (index != null && !table.inIndex(item, index)) {
            return;
          }
          if (Math.floorMod(item.get(hash).hashCode(), totalSegments) == segment) {
            candidates.add(item);
          }
        });
    Comparator<Map<String, AttrValue>> order = order(table, index);
    candidates.sort(order);
    return page(request, table, index, candidates, order, filter, projection);
  }

  private static Table.Index indexOf(JsonNode request, Table table) {
    String name = Json.text(request, "IndexName");
    Table.Index index = name == null ? null : table.index(name);
    if (index != null && index.global() && request.path("ConsistentRead").asBoolean(false)) {
      throw ApiException.validation(
          "Consistent reads are not supported on global secondary indexes");
    }
    return index;
  }

  private ObjectNode page(
      JsonNode request,
      Table table,
      Table.Index index,
      List<Map<String, AttrValue>> candidates,
      Comparator<Map<String, AttrValue>> order,
      Expr.Condition filter,
      List<DocPath> projection) {
    String select = select(request, table, index, projection);
    Integer limit = request.hasNonNull("Limit") ? request.get("Limit").asInt() : null;
    if (limit != null && limit < 1) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value greater than or"
              + " equal to 1");
    }
    Map<String, AttrValue> startKey = startKey(request, table, index);
    // LSIs can fetch any attribute from the table; GSIs hold only their projection.
    boolean fullItems =
        index == null
            || (!index.global() && (select.equals("ALL_ATTRIBUTES") || projection != null));

    ObjectNode out = Json.object();
    ArrayNode items = Json.array();
    int count = 0;
    int scanned = 0;
    long bytes = 0;
    Map<String, AttrValue> lastKey = null;
    for (Map<String, AttrValue> item : candidates) {
      if (startKey != null && order.compare(item, startKey) <= 0) {
        continue;
      }
      scanned++;
      Map<String, AttrValue> visible = fullItems ? item : table.projectForIndex(item, index);
      bytes += AttrValue.itemSize(visible);
      if (filter == null || filter.test(index != null && !index.global() ? item : visible)) {
        count++;
        if (!select.equals("COUNT")) {
          items.add(
              AttrValue.itemToJson(
                  projection == null ? visible : DocPath.project(visible, projection)));
        }
      }
      if ((limit != null && scanned >= limit) || bytes >= MAX_PAGE_BYTES) {
        lastKey = table.keyOf(item, index);
        break;
      }
    }
    if (!select.equals("COUNT")) {
      out.set("Items", items);
    }
    out.put("Count", count);
    out.put("ScannedCount", scanned);
    if (lastKey != null) {
      out.set("LastEvaluatedKey", AttrValue.itemToJson(lastKey));
    }
    Requests.addCapacity(out, request, table.name, Requests.readUnits(bytes));
    return out;
  }

  private static String select(
      JsonNode request, Table table, Table.Index index, List<DocPath> projection) {
    String select = Json.text(request, "Select");
    if (select == null) {
      if (projection != null) {
        return "SPECIFIC_ATTRIBUTES";
      }
      return index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
    }
    if (!SELECTS.contains(select)) {
      throw ApiException.validation(
          "1 validation error detected: Value '"
              + select
              + "' at 'select' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
    }
    if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
      throw ApiException.validation(
          "Cannot specify the AttributesToGet when choosing to get " + select);
    }
    if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
      throw ApiException.validation(
          "SPECIFIC_ATTRIBUTES requires ProjectionExpression or AttributesToGet");
    }
    if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
      throw ApiException.validation(
          "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    if (select.equals("ALL_ATTRIBUTES")
        && index != null
        && index.global()
        && !index.projectionType().equals("ALL")) {
      throw ApiException.validation(
          "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported"
              + " for global secondary index "
              + index.name()
              + " because its projection type is not ALL");
    }
    return select;
  }

  private static Map<String, AttrValue> startKey(JsonNode request, Table table, Table.Index index) {
    Map<String, AttrValue> start =
        AttrValue.itemFromJson(request.get("ExclusiveStartKey"), "ExclusiveStartKey");
    if (start == null) {
      return null;
    }
    Set<String> expected = new LinkedHashSet<>(table.keys.names());
    if (index != null) {
      expected.addAll(index.keys().names());
    }
    if (!start.keySet().equals(expected)) {
      throw ApiException.validation(
          "The provided starting key is invalid: The provided key element does not match the"
              + " schema");
    }
    for (String attr : expected) {
      if (!start.get(attr).type().equals(table.attributeTypes.get(attr))) {
        throw ApiException.validation(
            "The provided starting key is invalid: The provided key element does not match the"
                + " schema");
      }
    }
    return start;
  }

  /** Index key, then the table key as tie-breaker: one total order for Query, Scan and paging. */
  private static Comparator<Map<String, AttrValue>> order(Table table, Table.Index index) {
    List<String> attrs = new ArrayList<>();
    if (index != null) {
      attrs.addAll(index.keys().names());
    }
    attrs.addAll(table.keys.names());
    return byAttributes(new ArrayList<>(new LinkedHashSet<>(attrs)));
  }

  private static Comparator<Map<String, AttrValue>> byAttributes(List<String> attrs) {
    return (a, b) -> {
      for (String attr : attrs) {
        int c = AttrValue.compareKeys(a.get(attr), b.get(attr));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  private KeyQuery keyQuery(Expr.Condition condition, Table.KeySchema schema) {
    List<Expr.Condition> parts = new ArrayList<>();
    flattenAnd(condition, parts);
    if (parts.size() > 2) {
      throw ApiException.validation("Conditions can be of length 1 or 2 only");
    }
    AttrValue partition = null;
    Expr.Condition sort = null;
    for (Expr.Condition part : parts) {
      String attr = keyAttribute(part);
      if (attr.equals(schema.hash().name())) {
        if (!(part instanceof Expr.Comparison c && c.operator().equals("="))) {
          throw ApiException.validation("Query key condition not supported");
        }
        partition = literalOf(c.right(), schema.hash());
      } else if (schema.range() != null && attr.equals(schema.range().name())) {
        switch (part) {
          case Expr.Comparison c -> {
            if (c.operator().equals("<>")) {
              throw ApiException.validation("Unsupported operator on KeyConditionExpression: <>");
            }
            literalOf(c.right(), schema.range());
          }
          case Expr.Between b -> {
            literalOf(b.low(), schema.range());
            literalOf(b.high(), schema.range());
          }
          case Expr.BeginsWith b -> {
            if (schema.range().type().equals("N")) {
              throw ApiException.validation(
                  "Invalid KeyConditionExpression: Incorrect operand type for operator or"
                      + " function; operator or function: begins_with, operand type: N");
            }
            literalOf(b.prefix(), schema.range());
          }
          default -> throw ApiException.validation("Query key condition not supported");
        }
        if (sort != null) {
          throw ApiException.validation("Query key condition not supported");
        }
        sort = part;
      } else {
        throw ApiException.validation(
            "Query condition missed key schema element: " + schema.hash().name());
      }
    }
    if (partition == null) {
      throw ApiException.validation(
          "Query condition missed key schema element: " + schema.hash().name());
    }
    return new KeyQuery(partition, sort);
  }

  private static void flattenAnd(Expr.Condition condition, List<Expr.Condition> out) {
    if (condition instanceof Expr.And and) {
      flattenAnd(and.left(), out);
      flattenAnd(and.right(), out);
    } else {
      out.add(condition);
    }
  }

  /** The single key attribute a key-condition part constrains. */
  private static String keyAttribute(Expr.Condition part) {
    Expr.Operand subject =
        switch (part) {
          case Expr.Comparison c -> c.left();
          case Expr.Between b -> b.subject();
          case Expr.BeginsWith b -> b.subject();
          case Expr.Or ignored ->
              throw ApiException.validation("Invalid operator used in KeyConditionExpression: OR");
          case Expr.Not ignored ->
              throw ApiException.validation("Invalid operator used in KeyConditionExpression: NOT");
          case Expr.In ignored ->
              throw ApiException.validation("Invalid operator used in KeyConditionExpression: IN");
          default ->
              throw ApiException.validation(
                  "Invalid operator used in KeyConditionExpression: " + functionName(part));
        };
    if (subject instanceof Expr.PathRef ref && ref.path().steps().size() == 1) {
      return ref.path().topLevel();
    }
    throw ApiException.validation(
        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain top-level key"
            + " attributes");
  }

  private static String functionName(Expr.Condition part) {
    return switch (part) {
      case Expr.Exists e -> e.shouldExist() ? "attribute_exists" : "attribute_not_exists";
      case Expr.TypeIs ignored -> "attribute_type";
      case Expr.Contains ignored -> "contains";
      default -> part.getClass().getSimpleName();
    };
  }

  private static AttrValue literalOf(Expr.Operand operand, Table.KeyAttr key) {
    if (!(operand instanceof Expr.Literal literal)) {
      throw ApiException.validation(
          "Invalid KeyConditionExpression: The key condition must compare a key attribute with an"
              + " expression attribute value");
    }
    if (!literal.literal().type().equals(key.type())) {
      throw ApiException.validation(
          "One or more parameter values were invalid: Condition parameter type does not match"
              + " schema type");
    }
    return literal.literal();
  }

  /** DynamoDB refuses query filters on the key attributes of the queried table or index. */
  private static void rejectKeysInFilter(Expr.Condition filter, Table.KeySchema schema) {
    for (DocPath path : Expr.paths(filter)) {
      if (schema.names().contains(path.topLevel())) {
        throw ApiException.validation(
            "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                + path.topLevel());
      }
    }
  }
}
