package dev.kinora.local.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/** What one invocation returned: the handler's JSON, or a Lambda-style error. */
public sealed interface InvocationResult {
  String requestId();

  Duration duration();

  /** The JSON Lambda would return to the caller. */
  String payload();

  /** The handler returned; {@code payload} is its serialized result (may be {@code null}). */
  record Success(String requestId, String payload, Duration duration) implements InvocationResult {}

  /**
   * The handler threw, could not be initialized, or ran past its Timeout ({@code
   * Sandbox.Timedout}).
   */
  record Failure(
      String requestId,
      String errorType,
      String errorMessage,
      List<String> stackTrace,
      Duration duration)
      implements InvocationResult {
    public static final String TIMEOUT = "Sandbox.Timedout";

    public boolean timedOut() {
      return TIMEOUT.equals(errorType);
    }

    @Override
    public String payload() {
      ObjectMapper json = new ObjectMapper();
      ObjectNode error = json.createObjectNode();
      error.put("errorMessage", errorMessage);
      error.put("errorType", errorType);
      if (!stackTrace.isEmpty()) {
        var trace = error.putArray("stackTrace");
        stackTrace.forEach(trace::add);
      }
      return error.toString();
    }
  }
}
