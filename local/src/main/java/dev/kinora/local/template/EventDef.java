package dev.kinora.local.template;

import java.util.Map;

/**
 * One entry of a SAM function's {@code Events}: {@code name} is its key, {@code type} its {@code
 * Type} (HttpApi, SQS, S3, Schedule …), {@code properties} its {@code Properties}, intrinsic
 * functions unresolved.
 */
public record EventDef(String name, String type, Map<String, Object> properties) {
  public EventDef {
    properties = Values.unmodifiable(properties);
  }
}
