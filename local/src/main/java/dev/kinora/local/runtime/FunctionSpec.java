package dev.kinora.local.runtime;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything needed to run one function, resolved from the template.
 *
 * @param logicalId the template's logical id (used in log prefixes and by the CLI)
 * @param functionName the physical function name ({@code AWS_LAMBDA_FUNCTION_NAME})
 * @param handler {@code package.Class::method} or {@code package.Class} ({@code handleRequest})
 * @param environment the complete environment the function sees through {@code Config}, computed on
 *     first use (so event sources may still define values while the cloud starts)
 */
public record FunctionSpec(
    String logicalId,
    String functionName,
    String handler,
    int memoryMb,
    Duration timeout,
    Supplier<Map<String, String>> environment,
    List<URL> code) {

  public FunctionSpec {
    code = List.copyOf(code);
  }

  String handlerClass() {
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }

  String handlerMethod() {
    int separator = handler.indexOf("::");
    return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
  }
}
