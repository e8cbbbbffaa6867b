package dev.kinora.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque list cursors: base64url JSON naming the list they belong to ({@code "l"}), so a cursor of
 * one list handed to another (or edited by hand) is a {@code VALIDATION_ERROR} at {@code /cursor},
 * never a 500 or a page of the wrong list.
 */
final class Cursor {
  private Cursor() {}

  static String encode(String list, ObjectNode position) {
    ObjectNode node = position.deepCopy();
    node.put("l", list);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode position() {
    return Json.mapper().createObjectNode();
  }

  /** The position inside {@code list}; throws VALIDATION_ERROR when the cursor is not one. */
  static JsonNode decode(String cursor, String list) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(cursor);
      JsonNode node = Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
      if (node != null && node.isObject() && list.equals(node.path("l").asText(null))) {
        return node;
      }
    } catch (IllegalArgumentException | java.io.IOException e) {
      // answered below like any other cursor that is not one of this list
    }
    throw invalid();
  }

  /** An offset into a stored list, as a cursor holds it. */
  static int offset(JsonNode position) {
    JsonNode offset = position.path("o");
    if (!offset.canConvertToInt() || !offset.isIntegralNumber() || offset.intValue() < 0) {
      throw invalid();
    }
    return offset.intValue();
  }

  static ApiException invalid() {
    return ApiException.validation(
        List.of(new ValidationIssue("/cursor", "is not a cursor of this list")));
  }
}
