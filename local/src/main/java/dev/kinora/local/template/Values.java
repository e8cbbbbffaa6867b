package dev.kinora.local.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over the plain Map/List/String/Number/Boolean trees a template parses into. */
final class Values {
  private Values() {}

  static Map<String, Object> unmodifiable(Map<String, Object> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The value as a string-keyed map, or an empty map when it is not a map. */
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?> raw)) {
      return Map.of();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    raw.forEach((k, v) -> map.put(String.valueOf(k), v));
    return map;
  }

  static List<Object> list(Object value) {
    return value instanceof List<?> raw ? new ArrayList<>(raw) : List.of();
  }

  /** A deep, mutable copy with string keys. */
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return value;
  }

  /** A single-key map whose key is {@code Ref}, {@code Condition} or starts with {@code Fn::}. */
  static boolean isIntrinsic(Object value) {
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      String key = String.valueOf(map.keySet().iterator().next());
      return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }
    return false;
  }
}
