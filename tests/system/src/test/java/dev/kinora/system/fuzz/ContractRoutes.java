package dev.kinora.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of {@code shared/contract/openapi.yaml}, read from the file at run time (so a
 * route merged tomorrow is fuzzed without touching this code), with {@code $ref}s followed and
 * {@code x-kinora-limits} bindings replaced by the numbers of {@code limits.json}.
 */
final class ContractRoutes {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** One operation: its parameters and request body schema (null when it takes none). */
  record Route(
      String method,
      String path,
      String operationId,
      boolean isPublic,
      Map<String, JsonNode> pathParameters,
      Map<String, JsonNode> queryParameters,
      JsonNode bodySchema) {
    String key() {
      return method + " " + path;
    }
  }

  private final JsonNode openApi;
  private final JsonNode limits;

  private ContractRoutes(JsonNode openApi, JsonNode limits) {
    this.openApi = openApi;
    this.limits = limits;
  }

  static List<Route> read(Path contractDirectory) {
    try {
      JsonNode openApi =
          new YAMLMapper().readTree(contractDirectory.resolve("openapi.yaml").toFile());
      JsonNode limits = Json.mapper().readTree(contractDirectory.resolve("limits.json").toFile());
      return new ContractRoutes(openApi, limits).routes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
      List<JsonNode> shared = list(path.getValue().path("parameters"));
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        JsonNode operation = entry.getValue();
        Map<String, JsonNode> pathParameters = new LinkedHashMap<>();
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>(shared);
        parameters.addAll(list(operation.path("parameters")));
        for (JsonNode reference : parameters) {
          JsonNode parameter = resolve(reference);
          JsonNode schema = resolved(parameter.path("schema"));
          switch (parameter.path("in").asText()) {
            case "path" -> pathParameters.put(parameter.path("name").asText(), schema);
            case "query" -> queryParameters.put(parameter.path("name").asText(), schema);
            default -> {
              // cookie/header parameters: the session cookie is fuzzed for every route anyway
            }
          }
        }
        JsonNode body =
            operation.at("/requestBody/content/application~1json/schema").isMissingNode()
                ? null
                : resolved(operation.at("/requestBody/content/application~1json/schema"));
        routes.add(
            new Route(
                entry.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                operation.path("operationId").asText(),
                operation.path("x-kinora-public").asBoolean(false),
                pathParameters,
                queryParameters,
                body));
      }
    }
    return List.copyOf(routes);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.path("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local $refs are supported: " + ref);
      }
      current = openApi.at(ref.substring(1));
    }
    return current;
  }

  /**
   * A deep copy with every {@code $ref} inlined (a cycle stops at depth 12, which generated values
   * never reach) and every limit binding applied.
   */
  private JsonNode resolved(JsonNode schema) {
    return resolved(schema, 0);
  }

  private JsonNode resolved(JsonNode schema, int depth) {
    JsonNode node = resolve(schema);
    if (!node.isObject() || depth > 12) {
      return node.deepCopy();
    }
    ObjectNode copy = Json.mapper().createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "properties", "patternProperties", "$defs" -> {
          ObjectNode properties = copy.putObject(field.getKey());
          value
              .properties()
              .forEach(p -> properties.set(p.getKey(), resolved(p.getValue(), depth + 1)));
        }
        case "items", "additionalProperties", "not" ->
            copy.set(field.getKey(), value.isObject() ? resolved(value, depth + 1) : value);
        case "allOf", "oneOf", "anyOf", "prefixItems" -> {
          var array = copy.putArray(field.getKey());
          value.forEach(item -> array.add(resolved(item, depth + 1)));
        }
        case "x-kinora-limits" ->
            value
                .properties()
                .forEach(
                    binding -> copy.set(binding.getKey(), lookup(binding.getValue().asText())));
        default -> copy.set(field.getKey(), value.deepCopy());
      }
    }
    return copy;
  }

  private JsonNode lookup(String dotPath) {
    JsonNode node = limits;
    for (String part : dotPath.split("\\.")) {
      node = node.path(part);
    }
    if (node.isMissingNode()) {
      throw new IllegalStateException("limits.json has no " + dotPath);
    }
    return node;
  }
}
