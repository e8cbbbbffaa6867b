package dev.kinora.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Locale;

/**
 * One line of a route table: an HTTP method and a path template mapped to a method of the handler
 * class {@code T}, e.g. {@code post("/api/v1/uploads", UploadsApi::init)}.
 */
public record Route<T>(String method, PathTemplate path, Handler<T> handler) {

  public Route {
    method = method.toUpperCase(Locale.ROOT);
  }

  /** What a route calls: usually an unbound instance method reference of the API class. */
  @FunctionalInterface
  public interface Handler<T> {
    APIGatewayV2HTTPResponse handle(T api, ApiRequest request);
  }

  public static <T> Route<T> get(String pathTemplate, Handler<T> handler) {
    return new Route<>("GET", PathTemplate.parse(pathTemplate), handler);
  }

  public static <T> Route<T> post(String pathTemplate, Handler<T> handler) {
    return new Route<>("POST", PathTemplate.parse(pathTemplate), handler);
  }

  public static <T> Route<T> put(String pathTemplate, Handler<T> handler) {
    return new Route<>("PUT", PathTemplate.parse(pathTemplate), handler);
  }

  public static <T> Route<T> patch(String pathTemplate, Handler<T> handler) {
    return new Route<>("PATCH", PathTemplate.parse(pathTemplate), handler);
  }

  public static <T> Route<T> delete(String pathTemplate, Handler<T> handler) {
    return new Route<>("DELETE", PathTemplate.parse(pathTemplate), handler);
  }
}
