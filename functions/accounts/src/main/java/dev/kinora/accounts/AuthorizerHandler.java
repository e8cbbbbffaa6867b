package dev.kinora.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.http.AuthorizerContext;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's Lambda REQUEST authorizer (payload format 2.0, simple responses): reads the {@code
 * kinora_session} cookie and answers {@code {"isAuthorized": true, "context": {…}}} with the user's
 * id, channel and handle ({@link AuthorizerContext}).
 *
 * <p>It allows every request, anonymous or with an expired session, and says which in the context.
 * An authorizer can only allow or deny, and a deny is API Gateway's bare 403 {@code
 * {"message":"Forbidden"}}; letting the request through is how the contract's error envelope and
 * the distinction between 401 UNAUTHORIZED and 401 SESSION_EXPIRED reach the SPA: each handler
 * answers them ({@code ApiRequest.requireUser()}). API Gateway caches the answer per Cookie header
 * for the authorizer's TTL, so most requests never reach this function.
 *
 * <p>A stream handler because the Lambda serializers cannot read the authorizer event's {@code
 * requestContext.time} into {@code APIGatewayV2CustomAuthorizerEvent}; the JSON is read directly.
 */
public final class AuthorizerHandler implements RequestStreamHandler {
  private final SessionService sessions;

  /** The constructor Lambda calls. */
  public AuthorizerHandler() {
    this(Wiring.fromEnvironment().sessionService());
  }

  AuthorizerHandler(SessionService sessions) {
    this.sessions = sessions;
  }

  /** The authorizer over explicit wiring (the shaded-jar smoke test uses it). */
  public static AuthorizerHandler using(Wiring wiring) {
    return new AuthorizerHandler(wiring.sessionService());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.mapper().readTree(input);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("isAuthorized", true);
    answer.put("context", authorize(event));
    Json.mapper().writeValue(output, answer);
  }

  Map<String, Object> authorize(JsonNode event) {
    Optional<String> token = SessionCookie.token(cookies(event));
    if (token.isEmpty()) {
      return AuthorizerContext.anonymous();
    }
    return switch (sessions.resolve(token.get())) {
      case SessionService.Active active -> AuthorizerContext.of(active.user());
      case SessionService.Expired expired -> AuthorizerContext.expired();
    };
  }

  /** Payload 2.0 lists cookies apart from the headers; fall back to the Cookie header. */
  private static List<String> cookies(JsonNode event) {
    var cookies = new ArrayList<String>();
    event.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
    if (cookies.isEmpty()) {
      String header = event.path("headers").path("cookie").asText("");
      for (String cookie : header.split(";")) {
        cookies.add(cookie.strip());
      }
    }
    return cookies;
  }
}
