package dev.kinora.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.log.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route table of one API class {@code T}: {@code method + path template → method reference}.
 * {@link #dispatch} refuses state-changing requests without the CSRF header ({@link CsrfGuard}) and
 * turns every outcome into a contract response: the handler's answer, an {@link ApiException} as
 * its error envelope, an unknown path as 404 NOT_FOUND, a known path with another method as 405
 * METHOD_NOT_ALLOWED (with {@code Allow}), and anything unexpected as 500 INTERNAL_ERROR whose
 * cause goes to the log, never to the client.
 */
public final class Routes<T> {
  private final List<Route<T>> routes;
  private final Contract contract;

  private Routes(Contract contract, List<Route<T>> routes) {
    this.contract = contract;
    this.routes = List.copyOf(routes);
    var seen = new LinkedHashSet<String>();
    for (Route<T> route : routes) {
      if (!seen.add(route.method() + " " + route.path().template())) {
        throw new IllegalArgumentException(
            "Duplicate route " + route.method() + " " + route.path().template());
      }
    }
  }

  /** A route table whose requests validate against the production contract. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only copied into an immutable list
  public static <T> Routes<T> of(Route<T>... routes) {
    return using(Contract.load(), routes);
  }

  /** A route table validating against {@code contract}; for tests with other limits. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only copied into an immutable list
  public static <T> Routes<T> using(Contract contract, Route<T>... routes) {
    return new Routes<>(contract, List.of(routes));
  }

  /** Routes {@code event} to its handler method on {@code api} and always returns a response. */
  public APIGatewayV2HTTPResponse dispatch(T api, APIGatewayV2HTTPEvent event) {
    String requestId = ApiRequest.requestIdOf(event);
    long started = System.nanoTime();
    String userId =
        AuthorizerContext.user(AuthorizerContext.lambdaContext(event))
            .map(SessionUser::userId)
            .orElse(null);
    Log.Scope scope = Log.begin(requestId, userId);
    try {
      APIGatewayV2HTTPResponse response = route(api, event, requestId);
      logRequest(event, response, started);
      return response;
    } finally {
      scope.close();
    }
  }

  private APIGatewayV2HTTPResponse route(T api, APIGatewayV2HTTPEvent event, String requestId) {
    try {
      String method = ApiRequest.methodOf(event);
      String path = ApiRequest.pathOf(event);
      var allowed = new ArrayList<String>();
      for (Route<T> route : routes) {
        Optional<Map<String, String>> parameters = route.path().match(path);
        if (parameters.isEmpty()) {
          continue;
        }
        if (route.method().equals(method)) {
          var request = new ApiRequest(event, parameters.get(), contract);
          CsrfGuard.check(request);
          return route.handler().handle(api, request);
        }
        allowed.add(route.method());
      }
      if (allowed.isEmpty()) {
        return ApiResponses.error(ErrorCode.NOT_FOUND, "No such endpoint: " + path, requestId);
      }
      APIGatewayV2HTTPResponse response =
          ApiResponses.error(
              ErrorCode.METHOD_NOT_ALLOWED,
              method + " is not allowed on " + path + "; use " + String.join(", ", allowed),
              requestId);
      var headers = new HashMap<>(response.getHeaders());
      headers.put("allow", String.join(", ", allowed));
      response.setHeaders(headers);
      return response;
    } catch (ApiException e) {
      return ApiResponses.error(e, requestId);
    } catch (RuntimeException e) {
      logUnexpected(event, e);
      return ApiResponses.internalError(requestId);
    }
  }

  /** One access line per request: what was asked (the path, never the query) and the answer. */
  private static void logRequest(
      APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response, long startedNanos) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("method", ApiRequest.methodOf(event));
    fields.put("path", ApiRequest.pathOf(event));
    fields.put("status", response.getStatusCode());
    fields.put("durationMs", (System.nanoTime() - startedNanos) / 1_000_000);
    Log.info("request", fields);
  }

  /** One JSON line with the whole stack trace, so it stays one CloudWatch event. */
  private static void logUnexpected(APIGatewayV2HTTPEvent event, Exception e) {
    Log.error(
        "unexpected error",
        Map.of("request", ApiRequest.methodOf(event) + " " + ApiRequest.pathOf(event)),
        e);
  }

  /** The method + template of every route, for documentation and contract tests. */
  public Set<String> routeKeys() {
    var keys = new LinkedHashSet<String>();
    routes.forEach(route -> keys.add(route.method() + " " + route.path().template()));
    return keys;
  }
}
