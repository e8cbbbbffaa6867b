package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.media.PosterKeys;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Posters are the one per-video media object the front door serves without the viewing policy's yes
 * (template.yaml behaviour {@code /media/*\/poster-*.jpg}): the repository's template in the local
 * cloud, rows and poster objects as transcode leaves them, anonymous and signed-in browsers going
 * through the front door.
 */
@KinoraCloud
class PosterPrivacyCloudTest {
  private static final String POSTER_URL = "/media/%s/poster-[A-Za-z0-9_-]{22}\\.jpg";
  private static final String JPEG = "poster bytes";

  private final LocalCloud cloud;

  PosterPrivacyCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void makingAVideoPrivateMovesItsPosterSoTheUrlKnownWhileItWasPublicStopsWorking() {
    Visitor owner = Visitor.signedUp(cloud);
    String oldUrl = "/media/%s/" + PosterKeys.fileName(PosterKeys.newToken());
    String id = readyPublicVideo(owner, oldUrl);
    oldUrl = oldUrl.formatted(id);
    assertThat(new Visitor(cloud).get(oldUrl).status())
        .as("a public video's poster loads without any cookie")
        .isEqualTo(200);

    Visitor.Reply edited = owner.patch("/api/v1/videos/" + id, "{\"visibility\":\"private\"}");

    assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
    String newUrl = edited.data().path("thumbnailUrl").asText();
    assertThat(newUrl).isNotEqualTo(oldUrl).matches(POSTER_URL.formatted(id));
    assertThat(owner.get("/api/v1/videos/" + id).data().path("thumbnailUrl").asText())
        .isEqualTo(newUrl);
    assertThat(new Visitor(cloud).get(oldUrl).status())
        .as("the old poster URL, anonymously")
        .isIn(403, 404);
    assertThat(owner.get(oldUrl).status()).as("the old poster URL, as the owner").isIn(403, 404);
    Visitor.Reply moved = owner.get(newUrl);
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.raw().body()).isEqualTo(JPEG);
    String oldKey = oldUrl.substring(1);
    assertThat(mediaObjectExists(oldKey)).as("the old object is deleted").isFalse();
  }

  @Test
  void aPosterAtTheOldIdDerivedNameIsNotPublic() {
    Visitor owner = Visitor.signedUp(cloud);
    VideoRows row = VideoRows.ready(cloud, owner).visibility("private");
    String legacy = "/media/" + row.id() + "/thumbnail.jpg";
    row.with("thumbnailUrl", AttributeValue.fromS(legacy)).put();
    putMedia(legacy.substring(1));

    assertThat(new Visitor(cloud).get(legacy).status())
        .as("anyone who knows the id, without the viewing policy's yes")
        .isEqualTo(403);
    assertThat(Visitor.signedUp(cloud).get(legacy).status())
        .as("another user of a private video")
        .isEqualTo(403);
    assertThat(owner.get(legacy).status()).as("the owner may read it").isEqualTo(200);
  }

  /** A ready public video whose poster is at {@code posterUrl} (with %s for the id). */
  private String readyPublicVideo(Visitor owner, String posterUrl) {
    VideoRows row = VideoRows.ready(cloud, owner).visibility("public");
    String id = row.id();
    String url = posterUrl.formatted(id);
    row.with("thumbnailUrl", AttributeValue.fromS(url)).put();
    putMedia(url.substring(1));
    return id;
  }

  private void putMedia(String key) {
    cloud
        .s3()
        .putObject(
            r ->
                r.bucket(cloud.physicalName("MediaBucket"))
                    .key(key)
                    .contentType("image/jpeg")
                    .cacheControl("public, max-age=31536000, immutable"),
            RequestBody.fromString(JPEG));
  }

  private boolean mediaObjectExists(String key) {
    try {
      cloud.s3().headObject(r -> r.bucket(cloud.physicalName("MediaBucket")).key(key));
      return true;
    } catch (S3Exception missing) {
      if (missing.statusCode() == 404) {
        return false;
      }
      throw missing;
    }
  }
}
