package dev.kinora.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test Lambda authorizer (payload 2.0, simple responses): cookie {@code token=allow…} is allowed,
 * {@code token=crash} fails, anything else is denied. The context echoes what it was called with
 * and counts its invocations, so tests see the event's shape and the cache.
 */
public final class CookieAuthorizer
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    int call = CALLS.incrementAndGet();
    List<?> cookies = event.get("cookies") instanceof List<?> list ? list : List.of();
    if (cookies.contains("token=crash")) {
      throw new IllegalStateException("the authorizer crashed");
    }
    boolean allowed = cookies.stream().anyMatch(c -> String.valueOf(c).startsWith("token=allow"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("isAuthorized", allowed);
    if (allowed) {
      Map<String, Object> returned = new LinkedHashMap<>();
      returned.put("user", "ada");
      returned.put("call", call);
      returned.put("type", event.get("type"));
      returned.put("version", event.get("version"));
      returned.put("routeArn", event.get("routeArn"));
      returned.put("routeKey", event.get("routeKey"));
      returned.put("identitySource", String.valueOf(event.get("identitySource")));
      returned.put("hasRequestContext", event.get("requestContext") instanceof Map<?, ?>);
      answer.put("context", returned);
    }
    return answer;
  }
}
