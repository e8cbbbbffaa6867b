package dev.kinora.local.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code /media/*} like a CloudFront behaviour with the media bucket as S3 origin: the request path
 * is the object key ({@code /media/abc/master.m3u8} → key {@code media/abc/master.m3u8}), GET and
 * HEAD only, byte ranges answered 206, Content-Type by extension (HLS players insist on it), and
 * the signed-cookie check of private media played by {@link MediaAccess}.
 */
public final class MediaHandler extends Handler.Abstract {
  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("m3u8", "application/vnd.apple.mpegurl"),
          Map.entry("ts", "video/mp2t"),
          Map.entry("m4s", "video/iso.segment"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("webp", "image/webp"),
          Map.entry("vtt", "text/vtt"),
          Map.entry("json", "application/json"));

  private final S3Client s3;
  private final String bucket;
  private final MediaAccess access;

  public MediaHandler(S3Client s3, String bucket) {
    this(s3, bucket, MediaAccess.open());
  }

  /** With the template's access check: a refused read is CloudFront's 403 for a missing cookie. */
  public MediaHandler(S3Client s3, String bucket, MediaAccess access) {
    super(InvocationType.BLOCKING);
    this.s3 = s3;
    this.bucket = bucket;
    this.access = access;
  }

  static String contentType(String key) {
    int dot = key.lastIndexOf('.');
    String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.get(extension);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      return Responses.json(response, callback, 405, "{\"message\":\"Method Not Allowed\"}");
    }
    String key =
        URLDecoder.decode(request.getHttpURI().getPath().substring(1), StandardCharsets.UTF_8);
    if (!access.mayRead(key, request.getHeaders().get(HttpHeader.COOKIE))) {
      return Responses.json(response, callback, 403, "{\"message\":\"Forbidden\"}");
    }
    String range = request.getHeaders().get(HttpHeader.RANGE);
    String byExtension = contentType(key);
    response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
    try {
      if ("HEAD".equals(method)) {
        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
        response.setStatus(200);
        headers(response, byExtension, head.contentType(), head.eTag(), head.contentLength());
        response.write(true, null, callback);
        return true;
      }
      GetObjectRequest get =
          GetObjectRequest.builder().bucket(bucket).key(key).range(range).build();
      try (ResponseInputStream<GetObjectResponse> object = s3.getObject(get)) {
        GetObjectResponse meta = object.response();
        boolean partial = meta.contentRange() != null && range != null;
        response.setStatus(partial ? 206 : 200);
        if (partial) {
          response.getHeaders().put(HttpHeader.CONTENT_RANGE, meta.contentRange());
        }
        headers(response, byExtension, meta.contentType(), meta.eTag(), meta.contentLength());
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
          copy(object, out);
        }
        callback.succeeded();
        return true;
      }
    } catch (NoSuchKeyException e) {
      return notFound(response, callback);
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        return Responses.json(response, callback, 416, "{\"message\":\"Range Not Satisfiable\"}");
      }
      if (e.statusCode() == 404) {
        return notFound(response, callback);
      }
      throw e;
    }
  }

  private static void headers(
      Response response, String byExtension, String stored, String eTag, Long length) {
    String type = byExtension != null ? byExtension : stored;
    if (type != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    }
    if (eTag != null) {
      response.getHeaders().put(HttpHeader.ETAG, eTag);
    }
    if (length != null) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
    }
  }

  private static boolean notFound(Response response, Callback callback) {
    return Responses.json(response, callback, 404, "{\"message\":\"Not Found\"}");
  }

  private static void copy(InputStream in, OutputStream out) throws java.io.IOException {
    in.transferTo(out);
  }
}
