package dev.kinora.engagement;

import dev.kinora.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A page's cursor for the subscription, notification and comment lists: the attributes of the last
 * item's key (table key + index key) as base64url JSON. Opaque to clients and checked on the way
 * back: it must name exactly these attributes and belong to the caller's own list.
 */
final class KeyCursor {
  private KeyCursor() {}

  /** The cursor of {@code item}'s attributes {@code names}: strings, or numbers as their text. */
  static String encode(Map<String, AttributeValue> item, Set<String> names) {
    var key = new TreeMap<String, String>();
    for (String name : names) {
      AttributeValue value = item.get(name);
      key.put(name, value.s() != null ? value.s() : value.n());
    }
    return encodeText(key);
  }

  static String encodeText(Map<String, String> key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Json.write(new TreeMap<>(key)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The start key a cursor names; {@code fixed} are attributes whose value must match (the list's
   * owner).
   *
   * @throws CommentStore.InvalidCursorException if it is not a cursor of this list
   */
  static Map<String, AttributeValue> decode(
      String cursor, Set<String> names, Map<String, String> fixed) {
    Map<String, String> key = decodeText(cursor, names);
    fixed.forEach(
        (name, value) -> {
          if (!value.equals(key.get(name))) {
            throw invalid();
          }
        });
    var start = new HashMap<String, AttributeValue>();
    key.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
    return start;
  }

  static Map<String, String> decodeText(String cursor, Set<String> names) {
    var key = new LinkedHashMap<String, String>();
    try {
      byte[] json = Base64.getUrlDecoder().decode(cursor);
      var node = Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        throw invalid();
      }
      for (var field : node.properties()) {
        if (!field.getValue().isTextual()) {
          throw invalid();
        }
        key.put(field.getKey(), field.getValue().asText());
      }
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
    if (!key.keySet().equals(names)) {
      throw invalid();
    }
    return key;
  }

  private static CommentStore.InvalidCursorException invalid() {
    return new CommentStore.InvalidCursorException("is not a cursor of this list");
  }
}
