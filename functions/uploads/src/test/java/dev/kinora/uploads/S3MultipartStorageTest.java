package dev.kinora.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * The adapter's paging and error mapping against an S3 that pages like AWS (the local S3 server
 * answers every part in one page, so only this test can see the paging).
 */
class S3MultipartStorageTest {

  /** ListParts over {@code total} parts, {@code pageSize} per page, as S3 answers it. */
  private static final class PagingS3 implements S3Client {
    private final int total;
    private final int pageSize;
    final List<Integer> markers = new ArrayList<>();

    PagingS3(int total, int pageSize) {
      this.total = total;
      this.pageSize = pageSize;
    }

    @Override
    public ListPartsResponse listParts(ListPartsRequest request) {
      if (!request.uploadId().equals("mp-1")) {
        throw NoSuchUploadException.builder().statusCode(404).message("NoSuchUpload").build();
      }
      int from = request.partNumberMarker() == null ? 0 : request.partNumberMarker();
      markers.add(from);
      int to = Math.min(total, from + pageSize);
      List<Part> parts = new ArrayList<>();
      for (int n = from + 1; n <= to; n++) {
        parts.add(Part.builder().partNumber(n).size(5L).eTag("\"e" + n + "\"").build());
      }
      return ListPartsResponse.builder()
          .parts(parts)
          .isTruncated(to < total)
          .nextPartNumberMarker(to < total ? to : null)
          .build();
    }

    @Override
    public String serviceName() {
      return "s3";
    }

    @Override
    public void close() {}
  }

  @Test
  void listingPartsFollowsEveryPage() {
    var s3 = new PagingS3(2500, 1000);
    var storage = new S3MultipartStorage(s3, null, "raw");

    var parts = storage.listParts("raw/v/source", "mp-1").orElseThrow();

    assertThat(parts).hasSize(2500);
    assertThat(parts.getLast().partNumber()).isEqualTo(2500);
    assertThat(s3.markers).containsExactly(0, 1000, 2000);
  }

  @Test
  void aMultipartUploadThatIsGoneListsAsEmpty() {
    var storage = new S3MultipartStorage(new PagingS3(1, 1), null, "raw");

    assertThat(storage.listParts("raw/v/source", "mp-gone")).isEmpty();
  }
}
