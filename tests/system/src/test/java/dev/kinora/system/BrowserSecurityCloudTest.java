package dev.kinora.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the browser is told (issue 12, part 4): the CDN's security headers on the SPA, the API and
 * media, read by the local front door from template.yaml's response headers policy; no CORS grant
 * to an origin the template does not list; and the CSRF header on every state-changing route.
 */
@KinoraCloud
class BrowserSecurityCloudTest {
  private static final String EVIL = "https://evil.example";

  private final LocalCloud cloud;
  private final HttpClient client = HttpClient.newHttpClient();

  BrowserSecurityCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void spaApiAndMediaAnswerWithTheTemplatesSecurityHeaders() throws Exception {
    for (String path :
        List.of(
            "/",
            "/watch/abcdefghijk",
            "/api/v1/health",
            "/api/v1/videos/nope",
            "/media/x/master.m3u8")) {
      HttpResponse<String> response = get(path, Map.of());
      var headers = response.headers();
      assertThat(headers.firstValue("content-security-policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains(
                          "default-src 'self'",
                          "script-src 'self';",
                          "worker-src 'self' blob:",
                          "media-src 'self' blob:",
                          "frame-ancestors 'none'")
                      // presigned PUTs go to the local S3 server here, to the buckets on AWS
                      .contains(
                          "connect-src 'self' "
                              + cloud.s3Endpoint().toString().replaceAll("/$", "")));
      assertThat(headers.firstValue("x-content-type-options")).as(path).contains("nosniff");
      assertThat(headers.firstValue("x-frame-options")).as(path).contains("DENY");
      assertThat(headers.firstValue("referrer-policy"))
          .as(path)
          .contains("strict-origin-when-cross-origin");
      assertThat(headers.firstValue("strict-transport-security"))
          .as(path)
          .contains("max-age=63072000; includeSubDomains");
    }
  }

  /** The embeddable player is the one page other sites may frame; the rest of its headers stay. */
  @Test
  void onlyTheEmbedPlayerMayBeFramedByOtherSites() throws Exception {
    HttpResponse<String> embed = get("/embed/abcdefghijk", Map.of());
    assertThat(embed.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("frame-ancestors *", "script-src 'self';"));
    assertThat(embed.headers().firstValue("x-frame-options")).isEmpty();
    assertThat(embed.headers().firstValue("x-content-type-options")).contains("nosniff");

    HttpResponse<String> watch = get("/watch/abcdefghijk", Map.of());
    assertThat(watch.headers().firstValue("x-frame-options")).contains("DENY");
  }

  @Test
  void anUnlistedOriginGetsNoCorsGrantFromTheApiOrTheBuckets() throws Exception {
    HttpResponse<String> api = get("/api/v1/health", Map.of("Origin", EVIL));
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("access-control-allow-origin")).isEmpty();

    HttpResponse<String> preflight =
        send(
            HttpRequest.newBuilder(cloud.url("/api/v1/uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-requested-with,content-type"));
    assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();

    String bucket = cloud.physicalName("RawBucket");
    HttpResponse<String> s3Preflight =
        send(
            HttpRequest.newBuilder(cloud.s3Endpoint().resolve("/" + bucket + "/raw/x/source"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", EVIL)
                .header("Access-Control-Request-Method", "PUT"));
    assertThat(s3Preflight.headers().firstValue("access-control-allow-origin")).isEmpty();

    // The listed origin (the front door itself here; SiteOrigin on AWS) is granted, so the
    // refusal above is about the origin and not a CORS setup that grants nobody.
    HttpResponse<String> ownPreflight =
        send(
            HttpRequest.newBuilder(cloud.s3Endpoint().resolve("/" + bucket + "/raw/x/source"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", cloud.frontDoorUrl().toString().replaceAll("/$", ""))
                .header("Access-Control-Request-Method", "PUT"));
    assertThat(ownPreflight.headers().firstValue("access-control-allow-origin")).isPresent();
  }

  /** A cross-site form post carries the cookie but cannot add the header: refused everywhere. */
  @Test
  void everyStateChangingRouteRefusesASignedInRequestWithoutTheCsrfHeader() {
    Visitor visitor = Visitor.signedUp(cloud);
    Contract contract = Contract.load();
    List<String> changing =
        contract.operations().stream().filter(op -> !op.startsWith("GET ")).toList();
    assertThat(changing).isNotEmpty();
    for (String operation : changing) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
      Visitor.Reply reply =
          visitor.send(method, path, method.equals("DELETE") ? null : "{}", false);
      assertThat(reply.status()).as(operation).isEqualTo(403);
      assertThat(reply.code()).as(operation).isEqualTo("FORBIDDEN");
    }
    assertThat(visitor.get("/api/v1/auth/me").status())
        .as("the session survived every refused request (no logout without the header)")
        .isEqualTo(200);
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(cloud.url(path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
