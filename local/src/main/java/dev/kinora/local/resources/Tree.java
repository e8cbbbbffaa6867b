package dev.kinora.local.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading resolved template values (plain Map/List/String/Number/Boolean trees). */
final class Tree {
  private Tree() {}

  static Map<String, Object> map(Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> raw) {
      raw.forEach((k, v) -> map.put(String.valueOf(k), v));
    }
    return map;
  }

  static List<Map<String, Object>> maps(Object value) {
    return value instanceof List<?> list ? list.stream().map(Tree::map).toList() : List.of();
  }

  static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }

  static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? null : String.valueOf(value);
  }

  static boolean bool(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(value));
  }

  static Long number(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Number n) {
      return n.longValue();
    }
    return value == null ? null : Long.valueOf(String.valueOf(value).trim());
  }
}
