package dev.kinora.local.http;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Small writers for complete responses. */
final class Responses {
  private Responses() {}

  static boolean json(Response response, Callback callback, int status, String json) {
    return text(response, callback, status, "application/json", json);
  }

  static boolean text(
      Response response, Callback callback, int status, String contentType, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    Content.Sink.write(response, true, body, callback);
    return true;
  }
}
