package dev.kinora.shared.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of the hourly view buckets in DiscoveryTable, shared by their one writer (the videos
 * function counts a view into its bucket in the same transaction as the view) and their one reader
 * (the discovery trending job). A bucket is {@code pk = VIEWS#<yyyyMMddHH UTC>#<shard>}, {@code sk
 * = <videoId>}, attributes {@code views} (N, ADD only) and {@code expiresAt} (TTL, the end of the
 * trending horizon). One partition per hour and shard means the job reads the last N hours with
 * {@code Query}s, never a {@code Scan}; the shard ({@code discovery.trending.viewBucketShards},
 * chosen by a hash of the video id) spreads one hour's writes over several partitions.
 */
public final class ViewBuckets {
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

  private final int shards;
  private final Duration retention;

  public ViewBuckets(int shards, Duration retention) {
    if (shards < 1) {
      throw new IllegalArgumentException("at least one shard");
    }
    this.shards = shards;
    this.retention = retention;
  }

  /** The bucket layout limits.json describes ({@code discovery.trending}). */
  public static ViewBuckets fromContract(Contract contract) {
    JsonNode trending = contract.limitsValue("discovery.trending");
    return new ViewBuckets(
        trending.path("viewBucketShards").intValue(),
        // kept one hour past the horizon so the job's oldest hour is whole
        Duration.ofHours(trending.path("horizonHours").longValue() + 1));
  }

  public int shards() {
    return shards;
  }

  /** The start of the hour {@code instant} falls in. */
  public static Instant hourOf(Instant instant) {
    return instant.truncatedTo(ChronoUnit.HOURS);
  }

  /** The partition key of one hour's shard. */
  public String partition(Instant hour, int shard) {
    return "VIEWS#" + HOUR.format(hourOf(hour)) + "#" + shard;
  }

  /** The shard a video's views go to: stable, spread evenly. */
  public int shardOf(String videoId) {
    var crc = new CRC32();
    crc.update(videoId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % shards);
  }

  /** The key of the bucket a view of {@code videoId} at {@code at} is counted into. */
  public Map<String, AttributeValue> key(String videoId, Instant at) {
    return Map.of(
        "pk", AttributeValue.fromS(partition(at, shardOf(videoId))),
        "sk", AttributeValue.fromS(videoId));
  }

  /** When the bucket of the hour {@code at} falls in may disappear (epoch seconds, TTL). */
  public long expiresAt(Instant at) {
    return hourOf(at).plus(Duration.ofHours(1)).plus(retention).getEpochSecond();
  }
}
