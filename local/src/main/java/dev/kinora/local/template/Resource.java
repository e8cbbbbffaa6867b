package dev.kinora.local.template;

import java.util.Map;

/**
 * One entry of the template's {@code Resources}.
 *
 * @param properties its {@code Properties} (empty when absent), intrinsic functions unresolved
 * @param raw the whole entry: {@code Type}, {@code Properties}, {@code DependsOn}, {@code
 *     Condition} …
 */
public record Resource(
    String logicalId, String type, Map<String, Object> properties, Map<String, Object> raw) {
  public Resource {
    properties = Values.unmodifiable(properties);
    raw = Values.unmodifiable(raw);
  }
}
