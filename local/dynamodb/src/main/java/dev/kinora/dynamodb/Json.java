package dev.kinora.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one ObjectMapper of the module and small request-reading helpers. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  static JsonNode read(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? object() : MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.serialization("Request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiException.serialization("Malformed JSON request body: " + e.getMessage());
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A text field or null; a present non-text value is a validation error. */
  static String text(JsonNode request, String field) {
    JsonNode v = request.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.serialization("Field " + field + " must be a string");
    }
    return v.textValue();
  }

  static String requiredText(JsonNode request, String field) {
    String v = text(request, field);
    if (v == null) {
      String member = Character.toLowerCase(field.charAt(0)) + field.substring(1);
      throw ApiException.validation(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return v;
  }
}
