package dev.kinora.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The context the session authorizer returns and API Gateway hands every function under {@code
 * requestContext.authorizer.lambda}. Both sides use these names, so they cannot drift.
 *
 * <p>The authorizer allows every request: with a valid session the context names the user; with a
 * session cookie that names no live session it says {@code session=expired}; without one, {@code
 * session=none}. Handlers then answer 401 themselves (see {@link ApiRequest#requireUser()}).
 */
public final class AuthorizerContext {
  public static final String USER_ID = "userId";
  public static final String CHANNEL_ID = "channelId";
  public static final String HANDLE = "handle";
  public static final String SESSION = "session";
  public static final String EXPIRES_AT = "expiresAt";

  /**
   * The account's roles, comma-separated (an authorizer context holds strings, numbers and booleans
   * only); absent or empty = none.
   */
  public static final String ROLES = "roles";

  /** Values of {@link #SESSION}. */
  public static final String VALID = "valid";

  public static final String EXPIRED = "expired";
  public static final String NONE = "none";

  private AuthorizerContext() {}

  /** The context of a valid session. */
  public static Map<String, Object> of(SessionUser user) {
    var context = new LinkedHashMap<String, Object>();
    context.put(SESSION, VALID);
    context.put(USER_ID, user.userId());
    context.put(CHANNEL_ID, user.channelId());
    context.put(HANDLE, user.handle());
    context.put(EXPIRES_AT, user.sessionExpiresAt());
    context.put(ROLES, String.join(",", new TreeSet<>(user.roles())));
    return context;
  }

  /** The context of a request whose session cookie names no live session. */
  public static Map<String, Object> expired() {
    return Map.of(SESSION, EXPIRED);
  }

  /** The context of a request without a session cookie. */
  public static Map<String, Object> anonymous() {
    return Map.of(SESSION, NONE);
  }

  static Map<String, Object> lambdaContext(APIGatewayV2HTTPEvent event) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
        .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getLambda)
        .orElse(Map.of());
  }

  static Optional<SessionUser> user(Map<String, Object> context) {
    Object userId = context.get(USER_ID);
    if (!VALID.equals(context.get(SESSION)) || !(userId instanceof String id) || id.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new SessionUser(
            id,
            String.valueOf(context.get(CHANNEL_ID)),
            String.valueOf(context.get(HANDLE)),
            epochSeconds(context.get(EXPIRES_AT)),
            roles(context.get(ROLES))));
  }

  private static Set<String> roles(Object value) {
    if (value == null) {
      return Set.of();
    }
    return Arrays.stream(value.toString().split(","))
        .map(String::strip)
        .filter(role -> !role.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static long epochSeconds(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return value == null ? 0 : Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
