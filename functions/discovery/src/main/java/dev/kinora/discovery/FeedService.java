package dev.kinora.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.shared.listing.VideoItems;
import dev.kinora.shared.model.Video;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The home feed (docs/discovery-ranking.md). Anonymous: the overall trending list. Signed in, in
 * this order, without duplicates and without videos the viewer watched to the end ({@code
 * discovery.feed.watchedPercent}):
 *
 * <ol>
 *   <li>recent uploads (last {@code subscriptionRecentDays}) of subscribed channels, newest first;
 *   <li>then, alternating one by one, the trending lists of the categories and tags the viewer
 *       watches most (round-robin across them) and the overall trending list;
 *   <li>then older uploads of subscribed channels.
 * </ol>
 *
 * The first page computes the whole ranking (at most {@code maxItems}) and keeps it as a snapshot;
 * the cursor names the snapshot, so later pages continue the same ranking.
 */
final class FeedService {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ViewerSignals signals;
  private final VideoCatalog videos;
  private final TrendingStore trending;
  private final FeedSnapshots snapshots;
  private final Cards cards;
  private final DiscoveryLimits.Feed limits;
  private final Clock clock;

  FeedService(
      ViewerSignals signals,
      VideoCatalog videos,
      TrendingStore trending,
      FeedSnapshots snapshots,
      Cards cards,
      DiscoveryLimits.Feed limits,
      Clock clock) {
    this.signals = signals;
    this.videos = videos;
    this.trending = trending;
    this.snapshots = snapshots;
    this.cards = cards;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * @param userId the signed-in viewer, null when anonymous
   */
  Page feed(String userId, String cursor, int limit) {
    if (userId == null) {
      String listName = "feed:anonymous";
      int offset = cursor == null ? 0 : Cursor.offset(Cursor.decode(cursor, listName));
      return TrendingService.slice(
          trending.list(Facet.ALL).videoIds(), offset, limit, listName, Cursor.position(), cards);
    }
    String listName = "feed:" + userId;
    Instant now = clock.instant();
    String snapshotId;
    int offset;
    List<String> ids;
    if (cursor == null) {
      snapshotId = newSnapshotId();
      offset = 0;
      ids = rank(userId, now);
      snapshots.save(userId, snapshotId, ids, now.plus(limits.snapshotTtl()));
    } else {
      JsonNode position = Cursor.decode(cursor, listName);
      snapshotId = position.path("s").asText("");
      offset = Cursor.offset(position);
      if (snapshotId.isEmpty()) {
        throw Cursor.invalid();
      }
      Optional<List<String>> kept = snapshots.find(userId, snapshotId, now);
      // an expired snapshot: rank again and go on from the same place (rarely a repeat or a gap)
      ids = kept.orElseGet(() -> rank(userId, now));
    }
    ObjectNode base = Cursor.position();
    base.put("s", snapshotId);
    return TrendingService.slice(ids, offset, limit, listName, base, cards);
  }

  /** The viewer's whole feed as video ids, best first. */
  List<String> rank(String userId, Instant now) {
    var uploads = new ArrayList<Video>();
    for (String channelId : signals.subscribedChannels(userId, limits.maxSubscriptions())) {
      for (Map<String, AttributeValue> item :
          videos
              .channelVideos(
                  channelId, VideoCatalog.ChannelSort.LATEST, null, limits.uploadsPerSubscription())
              .items()) {
        uploads.add(VideoItems.toVideo(item));
      }
    }
    uploads.sort(
        Comparator.comparing((Video v) -> v.publishedAt() == null ? v.createdAt() : v.publishedAt())
            .reversed()
            .thenComparing(Video::id));
    Instant recentSince = now.minus(limits.subscriptionRecent());
    List<String> recentUploads = new ArrayList<>();
    List<String> olderUploads = new ArrayList<>();
    for (Video video : uploads) {
      Instant published = video.publishedAt() == null ? video.createdAt() : video.publishedAt();
      (published.isBefore(recentSince) ? olderUploads : recentUploads).add(video.id());
    }

    List<ViewerSignals.Watched> history = signals.recentlyWatched(userId, limits.historySize());
    List<Video> watchedVideos =
        videos.videos(history.stream().map(ViewerSignals.Watched::videoId).toList()).stream()
            .map(VideoItems::toVideo)
            .toList();
    var interestLists = new ArrayList<List<String>>();
    for (String category :
        mostCommon(watchedVideos, Video::categories, limits.interestCategories())) {
      interestLists.add(trending.list(Facet.category(category)).videoIds());
    }
    for (String tag : mostCommon(watchedVideos, Video::tags, limits.interestTags())) {
      interestLists.add(trending.list(Facet.tag(tag)).videoIds());
    }
    List<String> overall = trending.list(Facet.ALL).videoIds();

    // what the viewer watched to the end leaves every source before they are merged, so the
    // alternation below keeps its rhythm
    var candidates = new LinkedHashSet<String>(recentUploads);
    interestLists.forEach(candidates::addAll);
    candidates.addAll(overall);
    candidates.addAll(olderUploads);
    Map<String, Double> watched = new HashMap<>(signals.watchedPercentages(userId, candidates));
    for (ViewerSignals.Watched entry : history) {
      watched.merge(entry.videoId(), entry.percentage(), Math::max);
    }
    Function<List<String>, List<String>> unfinished =
        ids ->
            ids.stream()
                .filter(id -> watched.getOrDefault(id, 0.0) < limits.watchedPercent())
                .toList();

    var ordered = new LinkedHashSet<String>(unfinished.apply(recentUploads));
    List<String> interests = roundRobin(interestLists.stream().map(unfinished).toList());
    ordered.addAll(roundRobin(List.of(interests, unfinished.apply(overall))));
    ordered.addAll(unfinished.apply(olderUploads));
    return ordered.stream().limit(limits.maxItems()).toList();
  }

  /** The {@code max} names appearing most often in the videos (ties: first seen first). */
  private static List<String> mostCommon(
      List<Video> watched, Function<Video, List<String>> names, int max) {
    var counts = new LinkedHashMap<String, Integer>();
    for (Video video : watched) {
      for (String name : TrendingJob.normalised(names.apply(video))) {
        counts.merge(name, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(max)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** One from each list in turn, skipping repeats, until every list is used up. */
  static List<String> roundRobin(List<List<String>> lists) {
    Set<String> merged = new LinkedHashSet<>();
    List<Iterator<String>> iterators = new ArrayList<>();
    lists.forEach(list -> iterators.add(list.iterator()));
    boolean any = true;
    while (any) {
      any = false;
      for (Iterator<String> iterator : iterators) {
        if (iterator.hasNext()) {
          merged.add(iterator.next());
          any = true;
        }
      }
    }
    return List.copyOf(merged);
  }

  private static String newSnapshotId() {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
