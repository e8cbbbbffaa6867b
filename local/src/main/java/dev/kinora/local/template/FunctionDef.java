package dev.kinora.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with the template's {@code Globals.Function} merged in the
 * way SAM merges them: maps merge key by key (the function's keys win, so {@code
 * Environment.Variables} combine), lists are concatenated (globals first), and scalars and
 * intrinsic functions are replaced by the function's own.
 *
 * @param codeUri as written, relative to the template's directory (see {@link
 *     Template#directory()})
 * @param memorySize MB; 128 when neither the function nor the globals set it (SAM's default)
 * @param timeoutSeconds 3 when neither the function nor the globals set it (SAM's default)
 * @param environment {@code Environment.Variables}, values unresolved (may hold intrinsic
 *     functions)
 * @param properties all merged properties
 */
public record FunctionDef(
    String logicalId,
    String handler,
    String codeUri,
    String runtime,
    int memorySize,
    int timeoutSeconds,
    Map<String, Object> environment,
    List<EventDef> events,
    Map<String, Object> properties) {
  public FunctionDef {
    environment = Values.unmodifiable(environment);
    events = List.copyOf(events);
    properties = Values.unmodifiable(properties);
  }
}
