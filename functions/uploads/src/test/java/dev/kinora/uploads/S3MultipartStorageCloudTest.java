package dev.kinora.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The S3 adapter against the local cloud's S3 server (S3Proxy), with the real SDK. */
@KinoraCloud
class S3MultipartStorageCloudTest {
  private static final int CHUNK = 5 * 1024 * 1024; // S3's minimum size of a part but the last

  private final LocalCloud cloud;
  private final S3MultipartStorage storage;

  S3MultipartStorageCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
    this.storage =
        new S3MultipartStorage(cloud.s3(), cloud.s3Presigner(), cloud.physicalName("RawBucket"));
  }

  /** PUTs a part's bytes to its presigned URL, as the browser does. */
  private void putPart(String key, String id, int part, byte[] bytes) throws Exception {
    var response =
        cloud
            .httpClient()
            .send(
                HttpRequest.newBuilder(storage.presignPart(key, id, part, Duration.ofMinutes(5)))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void listingPartsAnswersEveryStoredPartInOrder() throws Exception {
    String key = "raw/pagingTest1/source";
    String id = storage.start(key, "video/mp4", "paging.mp4");
    for (int part = 5; part >= 1; part--) {
      putPart(key, id, part, new byte[] {(byte) part});
    }

    assertThat(storage.listParts(key, id).orElseThrow())
        .extracting(MultipartStorage.StoredPart::partNumber)
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aPresignedPartUrlAcceptsTheBytesAndCompletingAssemblesThem() throws Exception {
    String key = "raw/presignTest1/source";
    String id = storage.start(key, "video/webm", "clip.webm");
    byte[] first = new byte[CHUNK];
    Arrays.fill(first, (byte) 'a');
    putPart(key, id, 1, first);
    putPart(key, id, 2, new byte[7]);

    var parts = storage.listParts(key, id).orElseThrow();
    assertThat(storage.complete(key, id, parts)).isTrue();

    assertThat(storage.objectSize(key)).hasValue(CHUNK + 7L);
    // S3 lists a completed upload as NoSuchUpload, the local S3 server as no parts: either way the
    // service sees nothing to complete again (and never completes twice).
    assertThat(storage.listParts(key, id).map(List::size).orElse(0)).isZero();
    assertThat(storage.objectSize("raw/nothing/source")).isEmpty();
    storage.abort(key, id); // no upload any more: a no-op, not an error
  }
}
