package dev.kinora.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import java.time.Duration;

/**
 * The numbers of limits.json {@code discovery} (plus {@code pagination}), typed. Read here rather
 * than in the shared {@link Limits} so that only this context depends on them.
 */
public record DiscoveryLimits(
    Trending trending, Feed feed, Related related, int channelMaxReadsPerPage, Paging paging) {

  /** {@code discovery.trending}: list sizes and the score's constants. */
  public record Trending(
      int topN,
      int horizonHours,
      double halfLifeHours,
      double likeWeight,
      double commentWeight,
      int viewBucketShards,
      int maxCategories,
      int maxTags) {}

  /** {@code discovery.feed}. */
  public record Feed(
      int maxItems,
      int maxSubscriptions,
      int uploadsPerSubscription,
      int subscriptionRecentDays,
      int historySize,
      int watchedPercent,
      int interestCategories,
      int interestTags,
      int snapshotTtlMinutes) {

    public Duration snapshotTtl() {
      return Duration.ofMinutes(snapshotTtlMinutes);
    }

    public Duration subscriptionRecent() {
      return Duration.ofDays(subscriptionRecentDays);
    }
  }

  /** {@code discovery.related}. */
  public record Related(int maxItems, int sameChannelCandidates) {}

  /** {@code pagination}: page sizes every list accepts. */
  public record Paging(int min, int defaultSize, int max) {}

  public static DiscoveryLimits from(Contract contract) {
    JsonNode trending = contract.limitsValue("discovery.trending");
    JsonNode feed = contract.limitsValue("discovery.feed");
    JsonNode related = contract.limitsValue("discovery.related");
    Limits.PaginationLimits pagination = contract.limits().pagination();
    return new DiscoveryLimits(
        new Trending(
            integer(trending, "topN"),
            integer(trending, "horizonHours"),
            number(trending, "halfLifeHours"),
            number(trending, "likeWeight"),
            number(trending, "commentWeight"),
            integer(trending, "viewBucketShards"),
            integer(trending, "maxCategories"),
            integer(trending, "maxTags")),
        new Feed(
            integer(feed, "maxItems"),
            integer(feed, "maxSubscriptions"),
            integer(feed, "uploadsPerSubscription"),
            integer(feed, "subscriptionRecentDays"),
            integer(feed, "historySize"),
            integer(feed, "watchedPercent"),
            integer(feed, "interestCategories"),
            integer(feed, "interestTags"),
            integer(feed, "snapshotTtlMinutes")),
        new Related(integer(related, "maxItems"), integer(related, "sameChannelCandidates")),
        integer(contract.limitsValue("discovery.channelVideos"), "maxReadsPerPage"),
        new Paging(
            pagination.minPageSize(), pagination.defaultPageSize(), pagination.maxPageSize()));
  }

  private static int integer(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalStateException("limits.json discovery: " + name + " must be an integer");
    }
    return value.intValue();
  }

  private static double number(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isNumber()) {
      throw new IllegalStateException("limits.json discovery: " + name + " must be a number");
    }
    return value.doubleValue();
  }
}
