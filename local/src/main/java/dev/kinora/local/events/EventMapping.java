package dev.kinora.local.events;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.resources.PhysicalResource;
import dev.kinora.local.template.EventDef;
import dev.kinora.local.template.FunctionDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One function event of the template ({@code Events.<name>} of a function) with its properties
 * resolved against the local stack — what SAM turns into an event-source mapping, a rule, a
 * schedule or a bucket notification.
 */
record EventMapping(
    String functionId, String eventName, String type, Map<String, Object> properties) {

  /** Every event of these types, of every function the local cloud runs. */
  static List<EventMapping> of(LocalCloud cloud, Set<String> types) {
    List<EventMapping> mappings = new ArrayList<>();
    for (FunctionDef function : cloud.template().functions()) {
      if (!cloud.functions().containsKey(function.logicalId())) {
        continue; // its Condition is false
      }
      for (EventDef event : function.events()) {
        if (types.contains(event.type())) {
          mappings.add(
              new EventMapping(
                  function.logicalId(),
                  event.name(),
                  event.type(),
                  map(cloud.stack().resolve(event.properties()))));
        }
      }
    }
    return mappings;
  }

  /** "Function.Event" for logs. */
  String label() {
    return functionId + "." + eventName;
  }

  String string(String key) {
    Object value = properties.get(key);
    return value == null ? null : String.valueOf(value);
  }

  int integer(String key, int fallback) {
    Object value = properties.get(key);
    if (value instanceof Number n) {
      return n.intValue();
    }
    return value == null ? fallback : Integer.parseInt(String.valueOf(value).trim());
  }

  /** {@code Enabled} (default true); also SAM's {@code State: DISABLED} on schedules. */
  boolean enabled() {
    Object enabled = properties.get("Enabled");
    if (enabled != null && !Boolean.parseBoolean(String.valueOf(enabled))) {
      return false;
    }
    Object state = properties.get("State");
    return state == null || !"DISABLED".equals(String.valueOf(state).toUpperCase(Locale.ROOT));
  }

  boolean reportsBatchItemFailures() {
    return properties.get("FunctionResponseTypes") instanceof List<?> types
        && types.stream().anyMatch(t -> "ReportBatchItemFailures".equals(String.valueOf(t)));
  }

  static Map<String, Object> map(Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> raw) {
      raw.forEach((k, v) -> map.put(String.valueOf(k), v));
    }
    return map;
  }

  static List<Map<String, Object>> maps(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(EventMapping::map).toList()
        : List.of();
  }

  /** The created resource (queue, table, bucket, function) with this ARN, if any. */
  static PhysicalResource byArn(LocalCloud cloud, String arn) {
    for (PhysicalResource resource : cloud.resources().values()) {
      if (arn != null && arn.equals(resource.arn())) {
        return resource;
      }
    }
    return null;
  }
}
