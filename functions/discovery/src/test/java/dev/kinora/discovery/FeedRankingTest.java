package dev.kinora.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.model.VideoCard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The feed's order over in-memory ports (the local-cloud behaviour is in DiscoveryCloudTest). */
class FeedRankingTest {
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final DiscoveryLimits LIMITS = DiscoveryLimits.from(Contract.load());

  private final Map<String, Map<String, AttributeValue>> rows = new HashMap<>();
  private final Map<String, List<String>> uploadsByChannel = new HashMap<>();
  private final Map<Facet, List<String>> lists = new HashMap<>();
  private final List<String> subscriptions = new ArrayList<>();
  private final List<ViewerSignals.Watched> history = new ArrayList<>();

  private void video(String id, String channel, Duration age, String category, String tag) {
    rows.put(
        id,
        Map.of(
            "id", AttributeValue.fromS(id),
            "channelId", AttributeValue.fromS(channel),
            "title", AttributeValue.fromS("Video " + id),
            "visibility", AttributeValue.fromS("public"),
            "status", AttributeValue.fromS("ready"),
            "categories", AttributeValue.fromL(List.of(AttributeValue.fromS(category))),
            "tags", AttributeValue.fromL(List.of(AttributeValue.fromS(tag))),
            "createdAt", AttributeValue.fromS(NOW.minus(age).toString()),
            "publishedAt", AttributeValue.fromS(NOW.minus(age).toString())));
    uploadsByChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(id);
  }

  private FeedService feed() {
    VideoCatalog catalog =
        new VideoCatalog() {
          @Override
          public Optional<Map<String, AttributeValue>> video(String videoId) {
            return Optional.ofNullable(rows.get(videoId));
          }

          @Override
          public List<Map<String, AttributeValue>> videos(Collection<String> videoIds) {
            return videoIds.stream().map(rows::get).filter(r -> r != null).toList();
          }

          @Override
          public ChannelPage channelVideos(
              String channelId, ChannelSort sort, JsonNode after, int limit) {
            return new ChannelPage(
                uploadsByChannel.getOrDefault(channelId, List.of()).stream()
                    .map(rows::get)
                    .limit(limit)
                    .toList(),
                null);
          }
        };
    TrendingStore trending =
        new TrendingStore() {
          @Override
          public RankedList list(Facet facet) {
            return new RankedList(lists.getOrDefault(facet, List.of()), NOW);
          }

          @Override
          public void save(Facet facet, RankedList list) {
            lists.put(facet, list.videoIds());
          }

          @Override
          public Facets facets() {
            return Facets.NONE;
          }

          @Override
          public void saveFacets(Facets facets, Instant computedAt) {}
        };
    ViewerSignals signals =
        new ViewerSignals() {
          @Override
          public List<String> subscribedChannels(String userId, int max) {
            return subscriptions;
          }

          @Override
          public List<Watched> recentlyWatched(String userId, int max) {
            return history;
          }

          @Override
          public Map<String, Double> watchedPercentages(
              String userId, Collection<String> videoIds) {
            var watched = new HashMap<String, Double>();
            history.forEach(w -> watched.put(w.videoId(), w.percentage()));
            return watched;
          }
        };
    FeedSnapshots snapshots =
        new FeedSnapshots() {
          @Override
          public void save(String userId, String snapshotId, List<String> ids, Instant at) {}

          @Override
          public Optional<List<String>> find(String userId, String snapshotId, Instant now) {
            return Optional.empty();
          }
        };
    Cards cards =
        new Cards() {
          @Override
          public List<VideoCard> byIds(List<String> videoIds) {
            return List.of();
          }

          @Override
          public List<VideoCard> fromItems(List<Map<String, AttributeValue>> items) {
            return List.of();
          }
        };
    return new FeedService(
        signals,
        catalog,
        trending,
        snapshots,
        cards,
        LIMITS.feed(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void recentSubscriptionUploadsComeFirstThenInterestsAlternateWithTrendingThenOlderUploads() {
    video("sub-new", "followed", Duration.ofHours(1), "music", "synth");
    video("sub-old", "followed", Duration.ofDays(40), "music", "synth");
    video("watched", "other", Duration.ofDays(3), "woodwork", "lathe");
    video("wood-1", "other", Duration.ofDays(1), "woodwork", "lathe");
    video("wood-2", "other", Duration.ofDays(2), "woodwork", "bowls");
    video("hot-1", "third", Duration.ofHours(2), "news", "today");
    video("hot-2", "third", Duration.ofHours(3), "news", "today");
    subscriptions.add("followed");
    history.add(new ViewerSignals.Watched("watched", 100));
    lists.put(Facet.category("woodwork"), List.of("watched", "wood-1", "wood-2"));
    lists.put(Facet.tag("lathe"), List.of("wood-1"));
    lists.put(Facet.ALL, List.of("hot-1", "wood-1", "hot-2", "sub-new"));

    List<String> ranked = feed().rank("me", NOW);

    assertThat(ranked).containsExactly("sub-new", "wood-1", "hot-1", "wood-2", "hot-2", "sub-old");
  }

  @Test
  void aViewerWithNoSubscriptionsAndNoHistoryGetsTrending() {
    lists.put(Facet.ALL, List.of("a", "b", "c"));

    assertThat(feed().rank("me", NOW)).containsExactly("a", "b", "c");
  }
}
