package dev.kinora.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Its constructor takes longer than its 1 s Timeout; the handler itself answers at once. */
public final class SlowInitHandler implements RequestHandler<Map<String, Object>, String> {
  public SlowInitHandler() throws InterruptedException {
    Thread.sleep(1_500);
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return "ready";
  }
}
