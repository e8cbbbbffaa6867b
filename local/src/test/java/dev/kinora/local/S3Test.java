package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.testing.KinoraCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.Part;

@KinoraCloud(template = "classpath:local-cloud/template.yaml")
class S3Test {
  private static final int FIVE_MIB = 5 * 1024 * 1024;

  @Test
  void presignedMultipartUploadWorksThroughS3(LocalCloud cloud) throws Exception {
    String bucket = cloud.physicalName("UploadsBucket");
    String key = "raw/upload-1/video.mp4";
    String uploadId =
        cloud
            .s3()
            .createMultipartUpload(r -> r.bucket(bucket).key(key).contentType("video/mp4"))
            .uploadId();
    byte[] first = filled(FIVE_MIB, (byte) 'a');
    byte[] second = filled(1024, (byte) 'b');

    String origin = cloud.frontDoorUrl().toString();
    for (int partNumber = 1; partNumber <= 2; partNumber++) {
      int part = partNumber;
      var presigned =
          cloud
              .s3Presigner()
              .presignUploadPart(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(10))
                          .uploadPartRequest(
                              u -> u.bucket(bucket).key(key).uploadId(uploadId).partNumber(part)));
      HttpResponse<String> put =
          cloud
              .httpClient()
              .send(
                  HttpRequest.newBuilder(presigned.url().toURI())
                      .header("Origin", origin)
                      .PUT(HttpRequest.BodyPublishers.ofByteArray(part == 1 ? first : second))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(put.headers().firstValue("etag")).isPresent();
      assertThat(put.headers().firstValue("access-control-expose-headers").orElse(""))
          .as("the browser may read the ETag")
          .containsIgnoringCase("etag");
    }

    var parts = cloud.s3().listParts(r -> r.bucket(bucket).key(key).uploadId(uploadId)).parts();
    assertThat(parts).extracting(Part::partNumber).containsExactly(1, 2);
    MultipartUploads.completeWithListedParts(cloud.s3(), bucket, key, uploadId, parts);

    ResponseBytes<GetObjectResponse> range =
        cloud
            .s3()
            .getObjectAsBytes(
                r ->
                    r.bucket(bucket)
                        .key(key)
                        .range("bytes=" + (FIVE_MIB - 2) + "-" + (FIVE_MIB + 1)));
    assertThat(range.asUtf8String()).isEqualTo("aabb");
    assertThat(range.response().contentRange())
        .isEqualTo("bytes " + (FIVE_MIB - 2) + "-" + (FIVE_MIB + 1) + "/" + (FIVE_MIB + 1024));

    HttpResponse<byte[]> rangeOverHttp =
        cloud
            .httpClient()
            .send(
                HttpRequest.newBuilder(
                        cloud
                            .s3Presigner()
                            .presignGetObject(
                                p ->
                                    p.signatureDuration(Duration.ofMinutes(5))
                                        .getObjectRequest(g -> g.bucket(bucket).key(key)))
                            .url()
                            .toURI())
                    .header("Range", "bytes=0-9")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(rangeOverHttp.statusCode()).isEqualTo(206);
    assertThat(rangeOverHttp.body()).hasSize(10);
  }

  private static byte[] filled(int size, byte value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
