package dev.kinora.local.http;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The built SPA ({@code frontend/dist}) like CloudFront in front of the site bucket: files as they
 * are, and {@code index.html} for client-side routes (any path without a file extension), so a
 * reload on {@code /watch/abc} works.
 */
public final class SpaHandler extends Handler.Abstract {
  private static final String NOT_BUILT =
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kinora</title></head>
      <body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
      <h1>Kinora's local cloud is running</h1>
      <p>The web app is not built yet (no <code>%s</code>).</p>
      <p>Run <code>./kinora up</code>: it builds the SPA and the functions, then starts everything.
      The API is already here: <a href="/api/v1/health">/api/v1/health</a>.</p>
      </body></html>
      """;

  private final Path dist;
  private final MimeTypes mimeTypes = new MimeTypes();

  public SpaHandler(Path dist) {
    super(InvocationType.BLOCKING);
    this.dist = dist.toAbsolutePath().normalize();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Path index = dist.resolve("index.html");
    if (!Files.isRegularFile(index)) {
      return Responses.text(
          response, callback, 503, "text/html;charset=utf-8", NOT_BUILT.formatted(dist));
    }
    String path = request.getHttpURI().getDecodedPath();
    Path file = dist.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
    if (!file.startsWith(dist)) {
      return Responses.json(response, callback, 404, "{\"message\":\"Not Found\"}");
    }
    if (Files.isRegularFile(file)) {
      return serve(file, file.startsWith(dist.resolve("assets")), response, callback);
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.contains(".")) {
      return Responses.text(response, callback, 404, "text/plain;charset=utf-8", "Not Found");
    }
    return serve(index, false, response, callback);
  }

  private boolean serve(Path file, boolean immutable, Response response, Callback callback)
      throws java.io.IOException {
    String type = mimeTypes.getMimeByExtension(file.getFileName().toString());
    response.setStatus(200);
    response
        .getHeaders()
        .put(HttpHeader.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Files.size(file));
    response
        .getHeaders()
        .put(
            HttpHeader.CACHE_CONTROL,
            immutable ? "public, max-age=31536000, immutable" : "no-cache");
    Content.copy(Content.Source.from(file), response, callback);
    return true;
  }
}
