package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** What the presigned avatar PUT signs; the presigner works offline. */
class S3AvatarStorageTest {
  private final S3Presigner presigner =
      S3Presigner.builder()
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .build();
  private final S3AvatarStorage storage = new S3AvatarStorage(null, presigner, "media-bucket");

  @Test
  void thePresignedPutSignsTheContentTypeAndTheExactLength() {
    var presigned =
        storage.presign("media/avatars/ch_1/k.png", "image/png", 2048, Duration.ofMinutes(5));

    assertThat(presigned.httpRequest().method().name()).isEqualTo("PUT");
    assertThat(presigned.signedHeaders()).containsKeys("content-type", "content-length", "host");
    assertThat(presigned.signedHeaders().get("content-type")).containsExactly("image/png");
    assertThat(presigned.signedHeaders().get("content-length")).containsExactly("2048");
    URI url = URI.create(presigned.url().toString());
    assertThat(url.getPath()).endsWith("/media/avatars/ch_1/k.png");
    assertThat(url.getQuery()).contains("X-Amz-Expires=300");
  }
}
