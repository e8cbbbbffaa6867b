package dev.kinora.accounts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Avatar objects in the media bucket over the S3 API. The presigned PUT names {@code Content-Type}
 * and {@code Content-Length} among its signed headers; S3 recomputes the signature over the headers
 * the browser actually sends, so a different type or length is refused with 403 before any byte is
 * stored.
 */
public final class S3AvatarStorage implements AvatarStorage {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public S3AvatarStorage(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  @Override
  public URI presignPut(String key, String contentType, long size, Duration validFor) {
    PresignedPutObjectRequest presigned = presign(key, contentType, size, validFor);
    try {
      return presigned.url().toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the presigner built an invalid URL", e);
    }
  }

  /** The presigned request itself, so a test can read which headers it signs. */
  PresignedPutObjectRequest presign(String key, String contentType, long size, Duration validFor) {
    return presigner.presignPutObject(
        p ->
            p.signatureDuration(validFor)
                .putObjectRequest(
                    r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(size)));
  }

  @Override
  public Optional<StoredImage> head(String key) {
    try {
      HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
      return Optional.of(
          new StoredImage(
              head.contentType() == null ? "" : head.contentType(), head.contentLength()));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(r -> r.bucket(bucket).key(key));
  }
}
