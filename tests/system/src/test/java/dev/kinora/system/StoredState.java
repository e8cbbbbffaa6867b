package dev.kinora.system;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.resources.PhysicalResource;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * How much the local cloud holds: items per table, objects and open multipart uploads per bucket.
 * Two snapshots around requests that were all refused must be equal.
 */
public final class StoredState {
  /**
   * Counted by design for refused requests too: a rate limit counts attempts, and refusing the
   * attempt that crosses the limit is its whole point.
   */
  private static final Set<String> COUNTS_REFUSALS = Set.of("RateLimitsTable");

  /**
   * Written on their own clock from changes accepted earlier (the stream-fed search indexer, the
   * notification fan-out, trending and feed snapshots), so they may grow while a refused batch
   * runs; what they hold comes from the tables counted here.
   */
  private static final Set<String> DERIVED =
      Set.of("SearchIndexBucket", "NotificationsTable", "DiscoveryTable");

  private StoredState() {}

  public static Map<String, Long> snapshot(LocalCloud cloud) {
    Map<String, Long> counts = new TreeMap<>();
    for (PhysicalResource resource : cloud.resources().values()) {
      if (COUNTS_REFUSALS.contains(resource.logicalId())
          || DERIVED.contains(resource.logicalId())) {
        continue;
      }
      switch (resource.type()) {
        case "AWS::DynamoDB::Table" ->
            counts.put(
                resource.logicalId(),
                cloud
                    .dynamoDb()
                    .scanPaginator(
                        ScanRequest.builder()
                            .tableName(resource.name())
                            .select(Select.COUNT)
                            .build())
                    .stream()
                    .mapToLong(page -> page.count())
                    .sum());
        case "AWS::S3::Bucket" -> {
          counts.put(
              resource.logicalId() + " objects",
              cloud
                  .s3()
                  .listObjectsV2Paginator(
                      ListObjectsV2Request.builder().bucket(resource.name()).build())
                  .stream()
                  .mapToLong(page -> page.keyCount())
                  .sum());
          counts.put(
              resource.logicalId() + " multipart uploads",
              (long)
                  cloud
                      .s3()
                      .listMultipartUploads(
                          ListMultipartUploadsRequest.builder().bucket(resource.name()).build())
                      .uploads()
                      .size());
        }
        default -> {
          // queues: rejected requests never reach one (S3 events follow stored objects)
        }
      }
    }
    return counts;
  }
}
