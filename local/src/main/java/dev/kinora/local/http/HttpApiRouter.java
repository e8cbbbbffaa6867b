package dev.kinora.local.http;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route API Gateway would pick for a request. */
public final class HttpApiRouter {
  /** A matched route with its path parameters. */
  public record Match(HttpApiRoute route, Map<String, String> pathParameters) {}

  private final List<HttpApiRoute> routes;

  public HttpApiRouter(List<HttpApiRoute> routes) {
    this.routes =
        routes.stream()
            .sorted(Comparator.comparingInt(HttpApiRoute::specificity).reversed())
            .toList();
  }

  public List<HttpApiRoute> routes() {
    return routes;
  }

  public Optional<Match> route(String method, String rawPath) {
    for (HttpApiRoute route : routes) {
      Optional<Map<String, String>> parameters = route.match(method, rawPath);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route, parameters.get()));
      }
    }
    return Optional.empty();
  }
}
