package dev.kinora.local.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * The API's {@code RouteSelectionExpression} evaluated against a message: {@code
 * $request.body.action} (or {@code ${request.body.action}}, or a nested {@code $request.body.a.b})
 * picks the JSON body's field; a body that is not JSON, lacks the field or holds an object there
 * selects nothing, and API Gateway falls back to {@code $default}.
 */
final class RouteSelection {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = "request.body.";

  /**
   * The JSON path inside the body; empty when the expression selects nothing ({@code $default}).
   */
  private final List<String> path;

  private final String expression;

  private RouteSelection(String expression, List<String> path) {
    this.expression = expression;
    this.path = path;
  }

  static RouteSelection parse(String expression) {
    String inner = expression.trim();
    if (inner.startsWith("${") && inner.endsWith("}")) {
      inner = inner.substring(2, inner.length() - 1);
    } else if (inner.startsWith("$")) {
      inner = inner.substring(1);
    }
    if (!inner.startsWith(BODY) || inner.length() == BODY.length()) {
      return new RouteSelection(expression, List.of());
    }
    return new RouteSelection(expression, List.of(inner.substring(BODY.length()).split("\\.")));
  }

  /** The route key the message selects, if any. */
  Optional<String> select(String body) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
    for (String field : path) {
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      node = node.get(field);
    }
    return node == null || node.isContainerNode() || node.isNull()
        ? Optional.empty()
        : Optional.of(node.asText());
  }

  @Override
  public String toString() {
    return expression;
  }
}
