package dev.kinora.uploads;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The raw bucket's multipart uploads over the S3 API. The presigner signs {@code UploadPart} for
 * the endpoint the browser reaches: on AWS the regional virtual-hosted one, locally the S3 server
 * the function is given ({@code AWS_ENDPOINT_URL_S3}, path-style).
 */
public final class S3MultipartStorage implements MultipartStorage {
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public S3MultipartStorage(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  @Override
  public String start(String key, String contentType, String filename) {
    return s3.createMultipartUpload(
            r ->
                r.bucket(bucket)
                    .key(key)
                    .contentType(contentType)
                    .metadata(Map.of("filename", filename)))
        .uploadId();
  }

  @Override
  public URI presignPart(String key, String multipartUploadId, int partNumber, Duration validFor) {
    var presigned =
        presigner.presignUploadPart(
            p ->
                p.signatureDuration(validFor)
                    .uploadPartRequest(
                        u ->
                            u.bucket(bucket)
                                .key(key)
                                .uploadId(multipartUploadId)
                                .partNumber(partNumber)));
    try {
      return presigned.url().toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the presigner built an invalid URL", e);
    }
  }

  @Override
  public Optional<List<StoredPart>> listParts(String key, String multipartUploadId) {
    List<StoredPart> parts = new ArrayList<>();
    Integer marker = null;
    try {
      // S3 answers at most 1000 parts per page; a 5 GiB file has up to upload.maxParts.
      while (true) {
        Integer from = marker;
        ListPartsResponse page =
            s3.listParts(
                r -> {
                  r.bucket(bucket).key(key).uploadId(multipartUploadId);
                  if (from != null) {
                    r.partNumberMarker(from);
                  }
                });
        page.parts().forEach(p -> parts.add(new StoredPart(p.partNumber(), p.size(), p.eTag())));
        if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextPartNumberMarker() == null) {
          break;
        }
        marker = page.nextPartNumberMarker();
      }
    } catch (S3Exception e) {
      if (isNoSuchUpload(e)) {
        return Optional.empty();
      }
      throw e;
    }
    parts.sort(Comparator.comparingInt(StoredPart::partNumber));
    return Optional.of(parts);
  }

  @Override
  public boolean complete(String key, String multipartUploadId, List<StoredPart> parts) {
    try {
      s3.completeMultipartUpload(
          r ->
              r.bucket(bucket)
                  .key(key)
                  .uploadId(multipartUploadId)
                  .multipartUpload(
                      m ->
                          m.parts(
                              parts.stream()
                                  .map(
                                      p ->
                                          CompletedPart.builder()
                                              .partNumber(p.partNumber())
                                              .eTag(p.eTag())
                                              .build())
                                  .toList())));
      return true;
    } catch (S3Exception e) {
      if (isNoSuchUpload(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void abort(String key, String multipartUploadId) {
    try {
      s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(multipartUploadId));
    } catch (S3Exception e) {
      if (!isNoSuchUpload(e)) {
        throw e;
      }
    }
  }

  @Override
  public OptionalLong objectSize(String key) {
    try {
      return OptionalLong.of(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  private static boolean isNoSuchUpload(S3Exception e) {
    return e.statusCode() == 404;
  }
}
