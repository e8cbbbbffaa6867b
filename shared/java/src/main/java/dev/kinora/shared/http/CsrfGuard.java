package dev.kinora.shared.http;

import dev.kinora.shared.contract.ErrorCode;
import java.util.Set;

/**
 * Cross-site request forgery defence for cookie sessions: every state-changing request (POST, PUT,
 * PATCH, DELETE) must carry {@code X-Requested-With: kinora}, which the SPA always sends.
 *
 * <p>A cross-site form or image cannot set custom headers, and a cross-site {@code fetch} that sets
 * one must pass a CORS preflight the API never grants; so a request with the header came from our
 * own origin. It backs up {@code SameSite=Lax} on the cookie, which older browsers ignore. {@link
 * Routes#dispatch} applies it to every route of every function.
 */
public final class CsrfGuard {
  public static final String HEADER = "X-Requested-With";
  public static final String VALUE = "kinora";
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private CsrfGuard() {}

  /**
   * @throws ApiException FORBIDDEN if a state-changing request lacks the header
   */
  static void check(ApiRequest request) {
    if (STATE_CHANGING.contains(request.method())
        && !request.header(HEADER).map(VALUE::equals).orElse(false)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "This request must come from the Kinora app (" + HEADER + ": " + VALUE + " is missing)");
    }
  }
}
