package dev.kinora.local;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;

/** Multipart upload steps the S3 tests share. */
public final class MultipartUploads {
  private MultipartUploads() {}

  /** Completes the upload with the parts ListParts returned, as the browser does. */
  public static CompleteMultipartUploadResponse completeWithListedParts(
      S3Client s3, String bucket, String key, String uploadId, List<Part> listed) {
    return s3.completeMultipartUpload(
        r ->
            r.bucket(bucket)
                .key(key)
                .uploadId(uploadId)
                .multipartUpload(
                    m ->
                        m.parts(
                            listed.stream()
                                .map(
                                    p ->
                                        CompletedPart.builder()
                                            .partNumber(p.partNumber())
                                            .eTag(p.eTag())
                                            .build())
                                .toList())));
  }
}
