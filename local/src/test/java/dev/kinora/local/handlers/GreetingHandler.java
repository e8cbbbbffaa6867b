package dev.kinora.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A plain POJO handler (Map in, Map out), invoked directly rather than over HTTP. */
public final class GreetingHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    if (input.containsKey("fail")) {
      throw new IllegalArgumentException("asked to fail: " + input.get("fail"));
    }
    return Map.of("greeting", "hello " + input.get("name"), "requestId", context.getAwsRequestId());
  }
}
