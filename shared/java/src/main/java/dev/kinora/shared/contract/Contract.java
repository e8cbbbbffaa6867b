package dev.kinora.shared.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The contract at run time: {@code openapi.yaml} (shapes) and {@code limits.json} (numbers), read
 * from the classpath ({@code kinora/contract/}, copied there from {@code shared/contract/} by the
 * build), with every {@code x-kinora-limits} binding resolved.
 *
 * <p>{@link #load()} reads the files once per class loader, i.e. once per Lambda container; schemas
 * are compiled on first use and cached. Instances are immutable and thread-safe.
 */
public final class Contract {
  static final String RESOURCE_DIRECTORY = "kinora/contract/";
  private static final String SCHEMA_POINTER_PREFIX = "#/components/schemas/";
  private static final String BASE_IRI = "https://kinora.dev/contract/";

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode paths;
  private final ObjectNode components;
  private final JsonNode schemas;
  private final Limits limits;
  private final JsonNode limitsTree;
  private final SchemaRegistry registry;
  private final ConcurrentMap<String, Schema> compiled = new ConcurrentHashMap<>();

  private Contract(JsonNode openApi, JsonNode limitsTree) {
    LimitBindings.resolveInPlace(openApi, limitsTree);
    if (!(openApi.path("components") instanceof ObjectNode components)
        || !components.path("schemas").isObject()) {
      throw new ContractException("openapi.yaml has no components.schemas");
    }
    this.paths = openApi.path("paths");
    this.components = components;
    this.schemas = components.path("schemas");
    this.limitsTree = limitsTree;
    this.limits = Limits.fromJson(limitsTree);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        // Response records carry date-time fields; assert them so tests catch bad
                        // timestamps. No request schema uses a format, so clients are unaffected.
                        .formatAssertionsEnabled(true)
                        .build()));
  }

  /** The contract this jar was built with; read once per class loader. */
  public static Contract load() {
    return Production.INSTANCE;
  }

  /**
   * The contract with some limits replaced, e.g. {@code Map.of("video.title.max", 20)}: what a
   * change to limits.json would do, without editing it. Each call loads afresh.
   *
   * @param overrides dot paths of limits.json mapped to their new values (numbers or lists)
   */
  public static Contract loadWithLimitOverrides(Map<String, ?> overrides) {
    JsonNode limitsTree = readResource("limits.json", Json.mapper());
    overrides.forEach(
        (dotPath, value) -> {
          int lastDot = dotPath.lastIndexOf('.');
          JsonNode parent =
              lastDot < 0
                  ? limitsTree
                  : LimitBindings.lookup(limitsTree, dotPath.substring(0, lastDot));
          String field = dotPath.substring(lastDot + 1);
          if (!(parent instanceof ObjectNode object) || !object.has(field)) {
            throw new ContractException("limits.json has no " + dotPath + " to override");
          }
          object.set(field, Json.tree(value));
        });
    return new Contract(readResource("openapi.yaml", new YAMLMapper()), limitsTree);
  }

  /** The numbers of limits.json, typed. */
  public Limits limits() {
    return limits;
  }

  /**
   * One whole number of limits.json by its dot path, e.g. {@code subscription.fanOutPageSize}: for
   * a context's own numbers that no other module reads (the typed {@link #limits()} stays small).
   *
   * @throws ContractException when limits.json has no whole number there
   */
  public int limitInteger(String dotPath) {
    JsonNode value = LimitBindings.lookup(limitsTree, dotPath);
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      throw new ContractException("limits.json " + dotPath + " must be a whole number: " + value);
    }
    return value.intValue();
  }

  /**
   * One value of limits.json by dot path (a copy), e.g. {@code "search"}: for numbers only one
   * module uses, which it reads itself instead of growing {@link Limits}.
   *
   * @throws ContractException if limits.json has no such value
   */
  public JsonNode limitsValue(String dotPath) {
    return LimitBindings.lookup(limitsTree, dotPath).deepCopy();
  }

  /** Names of all component schemas, e.g. {@code VideoMetadata}. */
  public Set<String> schemaNames() {
    var names = new TreeSet<String>();
    schemas.fieldNames().forEachRemaining(names::add);
    return Collections.unmodifiableSet(names);
  }

  /** A component schema with its limit bindings resolved (a copy). */
  public JsonNode schema(String schemaName) {
    return schemaNode(schemaName).deepCopy();
  }

  /**
   * Validates {@code payload} against the component schema {@code schemaName}.
   *
   * @return the violations, empty when the payload conforms; paths are JSON Pointers
   * @throws IllegalArgumentException if the contract has no such schema
   */
  public List<ValidationIssue> validate(String schemaName, JsonNode payload) {
    Schema schema = compiled.computeIfAbsent(schemaName, this::compile);
    List<Error> errors = schema.validate(payload);
    if (errors.isEmpty()) {
      return List.of();
    }
    var issues = new ArrayList<ValidationIssue>(errors.size());
    for (Error error : errors) {
      ValidationIssue issue = IssueMessages.toIssue(error);
      if (!issues.contains(issue)) {
        issues.add(issue);
      }
    }
    return List.copyOf(issues);
  }

  /**
   * Every operation of openapi.yaml as {@code "METHOD /path"}, e.g. {@code "GET /api/v1/health"}.
   */
  public Set<String> operations() {
    var operations = new TreeSet<String>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (HTTP_METHODS.contains(operation.getKey())) {
          operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return Collections.unmodifiableSet(operations);
  }

  /**
   * The operations that need no session ({@code x-kinora-public: true}), as {@code "METHOD /path"};
   * every other operation of {@link #operations()} needs one.
   */
  public Set<String> publicOperations() {
    var operations = new TreeSet<String>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (HTTP_METHODS.contains(operation.getKey())
            && operation.getValue().path("x-kinora-public").asBoolean(false)) {
          operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return Collections.unmodifiableSet(operations);
  }

  /** The HTTP status of every error code, from {@code x-kinora-status} of {@code ErrorCode}. */
  public Map<String, Integer> errorStatuses() {
    JsonNode errorCode = schemaNode("ErrorCode");
    var statuses = new LinkedHashMap<String, Integer>();
    for (JsonNode code : errorCode.path("enum")) {
      JsonNode status = errorCode.path("x-kinora-status").path(code.asText());
      if (!status.isInt()) {
        throw new ContractException("ErrorCode " + code.asText() + " has no x-kinora-status");
      }
      statuses.put(code.asText(), status.asInt());
    }
    return Collections.unmodifiableMap(statuses);
  }

  /**
   * The limits the SPA needs: limits.json projected onto the {@code ClientLimits} schema, so the
   * schema alone decides which numbers are published and their nesting matches limits.json.
   */
  public ObjectNode clientLimits() {
    return project(schemaNode("ClientLimits"), limitsTree, "");
  }

  private ObjectNode project(JsonNode objectSchema, JsonNode limitsNode, String path) {
    ObjectNode result = Json.mapper().createObjectNode();
    for (Map.Entry<String, JsonNode> property : objectSchema.path("properties").properties()) {
      String name = property.getKey();
      String childPath = path.isEmpty() ? name : path + "." + name;
      JsonNode childSchema = dereference(property.getValue());
      JsonNode value = limitsNode.get(name);
      if (value == null) {
        throw new ContractException(
            "ClientLimits publishes " + childPath + ", limits.json lacks it");
      }
      if ("object".equals(childSchema.path("type").asText())) {
        result.set(name, project(childSchema, value, childPath));
      } else {
        result.set(name, value.deepCopy());
      }
    }
    return result;
  }

  private JsonNode dereference(JsonNode schema) {
    String ref = schema.path("$ref").asText();
    return ref.startsWith(SCHEMA_POINTER_PREFIX)
        ? schemaNode(ref.substring(SCHEMA_POINTER_PREFIX.length()))
        : schema;
  }

  private JsonNode schemaNode(String schemaName) {
    JsonNode schema = schemas.get(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("The contract has no schema named " + schemaName);
    }
    return schema;
  }

  /**
   * Compiles one component as a small document that refers to it and carries all components, so
   * {@code $ref: '#/components/schemas/…'} resolves exactly as it does inside openapi.yaml.
   */
  private Schema compile(String schemaName) {
    schemaNode(schemaName);
    ObjectNode document = Json.mapper().createObjectNode();
    document.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
    document.put("$ref", SCHEMA_POINTER_PREFIX + schemaName);
    document.set("components", components);
    Schema schema = registry.getSchema(SchemaLocation.of(BASE_IRI + schemaName), document);
    schema.initializeValidators();
    return schema;
  }

  private static JsonNode readResource(String name, ObjectMapper mapper) {
    String path = RESOURCE_DIRECTORY + name;
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new ContractException(path + " is not on the classpath");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new ContractException("Cannot read " + path, e);
    }
  }

  /** Holder idiom: the production contract is read on first use, once per class loader. */
  private static final class Production {
    static final Contract INSTANCE =
        new Contract(
            readResource("openapi.yaml", new YAMLMapper()),
            readResource("limits.json", Json.mapper()));
  }
}
