package dev.kinora.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.events.Triggers;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The local cloud's own endpoints under {@code /_kinora/} (never part of the deployed platform):
 * {@code GET health}, {@code GET resources} (endpoints and physical names) and {@code POST
 * trigger/<LogicalId>} (what {@code ./kinora trigger} calls; fires the trigger a schedule source
 * registered).
 */
public final class AdminHandler extends Handler.Abstract {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Triggers triggers;
  private final Predicate<String> functionExists;
  private final Supplier<Map<String, Object>> description;

  public AdminHandler(
      Triggers triggers,
      Predicate<String> functionExists,
      Supplier<Map<String, Object>> description) {
    super(InvocationType.BLOCKING);
    this.triggers = triggers;
    this.functionExists = functionExists;
    this.description = description;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    String method = request.getMethod();
    if (path.equals("/_kinora/health") && "GET".equals(method)) {
      return Responses.json(response, callback, 200, "{\"status\":\"up\"}");
    }
    if (path.equals("/_kinora/resources") && "GET".equals(method)) {
      return Responses.json(response, callback, 200, JSON.writeValueAsString(description.get()));
    }
    if (path.startsWith("/_kinora/trigger/") && "POST".equals(method)) {
      String id = path.substring("/_kinora/trigger/".length());
      Optional<Triggers.Trigger> trigger = triggers.find(id);
      if (trigger.isEmpty()) {
        String why =
            functionExists.test(id)
                ? "function " + id + " has no trigger (no schedule registered for it)"
                : "no function " + id + " in the template";
        return Responses.json(
            response, callback, 404, JSON.writeValueAsString(Map.of("message", why)));
      }
      return Responses.json(response, callback, 200, trigger.get().fire());
    }
    return Responses.json(response, callback, 404, "{\"message\":\"Not Found\"}");
  }
}
