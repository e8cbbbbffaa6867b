package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Channel avatars end to end in the local cloud: presign through the front door, the browser's PUT
 * straight to the local S3 server with the signed headers, the avatar set by the channel edit, and
 * the image served back under /media like every other media object.
 */
@KinoraCloud
class ChannelAvatarCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private static final String PASSWORD = "a long and quiet river";

  private final LocalCloud cloud;

  ChannelAvatarCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  private Visitor signedUp() {
    String handle = "av" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var visitor = new Visitor(cloud);
    var reply =
        visitor.post(
            "/api/v1/auth/signup", Visitor.signupJson(handle + "@example.com", PASSWORD, handle));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
    return visitor;
  }

  /** A real, small PNG: 32×32, two colours. */
  private static byte[] png() {
    var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        image.setRGB(x, y, (x < 16 ? Color.ORANGE : Color.BLUE).getRGB());
      }
    }
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Visitor.Reply presign(Visitor visitor, String contentType, long size) {
    return visitor.post(
        "/api/v1/channels/me/avatar", Json.write(Map.of("contentType", contentType, "size", size)));
  }

  private static Visitor.Reply setAvatar(Visitor visitor, String key) {
    return visitor.patch("/api/v1/channels/me", Json.write(Map.of("avatarKey", key)));
  }

  /** PUTs bytes to a presigned URL from the SPA's origin, as the browser does. */
  private HttpResponse<String> put(String url, String contentType, byte[] bytes) {
    try {
      return cloud
          .httpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Origin", cloud.frontDoorUrl().toString().replaceAll("/$", ""))
                  .header("Content-Type", contentType)
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<byte[]> getThroughFrontDoor(String path) {
    try {
      return cloud
          .httpClient()
          .send(
              HttpRequest.newBuilder(URI.create(cloud.url(path).toString())).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAvatarUploadedThroughThePresignedUrlIsShownOnTheChannelAndServedUnderMedia() {
    var owner = signedUp();
    byte[] image = png();

    var presigned = presign(owner, "image/png", image.length);
    assertThat(presigned.status()).as(presigned.raw().body()).isEqualTo(201);
    assertThat(CONTRACT.validate("AvatarUploadResponse", presigned.body())).isEmpty();
    String key = presigned.body().at("/data/avatarKey").asText();
    String url = presigned.body().at("/data/uploadUrl").asText();
    assertThat(url)
        .as("the browser PUTs to the storage itself, not through the API")
        .startsWith(cloud.s3Endpoint().toString());
    assertThat(presigned.body().at("/data/headers/Content-Type").asText()).isEqualTo("image/png");

    var upload = put(url, "image/png", image);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
    assertThat(upload.headers().firstValue("access-control-allow-origin")).isPresent();

    var edit = setAvatar(owner, key);
    assertThat(edit.status()).as(edit.raw().body()).isEqualTo(200);
    String avatarUrl = edit.body().at("/data/avatarUrl").asText();
    assertThat(avatarUrl).isEqualTo("/" + key).startsWith("/media/avatars/");

    String handle = owner.get("/api/v1/auth/me").body().at("/data/channel/handle").asText();
    var channel = new Visitor(cloud).get("/api/v1/channels/" + handle);
    assertThat(channel.body().at("/data/avatarUrl").asText()).isEqualTo(avatarUrl);

    var served = getThroughFrontDoor(avatarUrl);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("content-type")).hasValue("image/png");
    assertThat(Arrays.equals(served.body(), image)).as("the same bytes come back").isTrue();
  }

  @Test
  void presigningAWrongTypeIs415AndATooLargeImageIs413() {
    var owner = signedUp();
    long max = CONTRACT.limits().channel().avatar().maxFileSizeBytes();

    var gif = presign(owner, "image/gif", 100);
    var huge = presign(owner, "image/png", max + 1);
    var empty = presign(owner, "image/png", 0);

    assertThat(gif.status()).isEqualTo(415);
    assertThat(gif.code()).isEqualTo("UNSUPPORTED_FORMAT");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.code()).isEqualTo("FILE_TOO_LARGE");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(empty.body().at("/error/details/issues/0/path").asText()).isEqualTo("/size");
    for (var reply : new Visitor.Reply[] {gif, huge, empty}) {
      assertThat(CONTRACT.validate("ErrorEnvelope", reply.body())).isEmpty();
    }
  }

  @Test
  void theStorageRefusesAPutOfAnotherTypeOrLengthThanWasSigned() {
    var owner = signedUp();
    byte[] image = png();
    var presigned = presign(owner, "image/png", image.length);
    String key = presigned.body().at("/data/avatarKey").asText();
    String url = presigned.body().at("/data/uploadUrl").asText();

    var otherType = put(url, "text/html", image);
    var longer = put(url, "image/png", Arrays.copyOf(image, image.length + 1000));

    assertThat(otherType.statusCode()).as(otherType.body()).isEqualTo(403);
    assertThat(longer.statusCode()).as(longer.body()).isEqualTo(403);
    var edit = setAvatar(owner, key);
    assertThat(edit.status()).isEqualTo(409);
    assertThat(edit.code()).isEqualTo("UPLOAD_INCOMPLETE");
  }

  @Test
  void anotherUsersAvatarKeyIsForbidden() {
    var owner = signedUp();
    var other = signedUp();
    byte[] image = png();
    var presigned = presign(owner, "image/png", image.length);
    String key = presigned.body().at("/data/avatarKey").asText();
    assertThat(
            put(presigned.body().at("/data/uploadUrl").asText(), "image/png", image).statusCode())
        .isEqualTo(200);

    var stolen = setAvatar(other, key);

    assertThat(stolen.status()).isEqualTo(403);
    assertThat(stolen.code()).isEqualTo("FORBIDDEN");
    assertThat(other.get("/api/v1/auth/me").body().at("/data/channel/avatarUrl").isMissingNode())
        .isTrue();
    assertThat(setAvatar(owner, key).status()).as("the owner still can").isEqualTo(200);
  }

  @Test
  void aKeyTheServerDidNotIssueForThisChannelIsRefused() {
    var owner = signedUp();
    String channelId = owner.get("/api/v1/auth/me").body().at("/data/channel/id").asText();
    String madeUp = "media/avatars/" + channelId + "/AAAAAAAAAAAAAAAAAAAAAA.png";
    // Even an object that exists: someone with bucket access could have put it there.
    cloud
        .s3()
        .putObject(
            r -> r.bucket(cloud.physicalName("MediaBucket")).key(madeUp).contentType("image/png"),
            software.amazon.awssdk.core.sync.RequestBody.fromBytes(png()));

    var notIssued = setAvatar(owner, madeUp);
    var notAKey = setAvatar(owner, "media/dQw4w9WgXcQ/master.m3u8");

    assertThat(notIssued.status()).isEqualTo(403);
    assertThat(notIssued.code()).isEqualTo("FORBIDDEN");
    assertThat(notAKey.status()).isEqualTo(400);
    assertThat(notAKey.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(notAKey.body().at("/error/details/issues/0/path").asText()).isEqualTo("/avatarKey");
  }

  @Test
  void presigningWithoutASessionIsUnauthorized() {
    var reply =
        new Visitor(cloud)
            .send(
                "POST",
                "/api/v1/channels/me/avatar",
                "{\"contentType\":\"image/png\",\"size\":10}",
                true,
                "theme=dark");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
  }
}
