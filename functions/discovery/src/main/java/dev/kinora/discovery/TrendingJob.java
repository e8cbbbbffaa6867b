package dev.kinora.discovery;

import dev.kinora.shared.listing.VideoItems;
import dev.kinora.shared.model.Video;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The trending job ({@code TrendingFunction}, on a schedule): reads the hourly view buckets of the
 * last {@code discovery.trending.horizonHours} hours, scores every viewed video that is listed
 * (public and ready) with {@link TrendingScore}, and replaces the top {@code topN} lists: overall,
 * per category and per tag (the {@code maxCategories} / {@code maxTags} with the highest total
 * score). A category or tag that fell out of the index gets an empty list, so nothing stale stays
 * readable.
 */
final class TrendingJob {

  /** What one run did, for the log and the job's answer. */
  record Run(int hoursRead, int videosViewed, int videosRanked, int categories, int tags) {}

  /** A listed video with its score. */
  private record Scored(Video video, double score) {}

  private final ViewBucketReader buckets;
  private final VideoCatalog videos;
  private final TrendingStore store;
  private final TrendingScore score;
  private final DiscoveryLimits.Trending limits;
  private final Clock clock;

  TrendingJob(
      ViewBucketReader buckets,
      VideoCatalog videos,
      TrendingStore store,
      TrendingScore score,
      DiscoveryLimits.Trending limits,
      Clock clock) {
    this.buckets = buckets;
    this.videos = videos;
    this.store = store;
    this.score = score;
    this.limits = limits;
    this.clock = clock;
  }

  Run run() {
    Instant now = clock.instant();
    Instant currentHour = dev.kinora.shared.discovery.ViewBuckets.hourOf(now);
    var viewsByVideo = new HashMap<String, Map<Instant, Long>>();
    for (int h = 0; h < limits.horizonHours(); h++) {
      Instant hour = currentHour.minus(Duration.ofHours(h));
      buckets
          .views(hour)
          .forEach(
              (videoId, views) ->
                  viewsByVideo.computeIfAbsent(videoId, id -> new HashMap<>()).put(hour, views));
    }

    var scored = new ArrayList<Scored>();
    for (Map<String, AttributeValue> item : videos.videos(viewsByVideo.keySet())) {
      if (!VideoItems.isListable(item)) {
        continue; // private, unlisted, unfinished: never trending
      }
      Video video = VideoItems.toVideo(item);
      scored.add(
          new Scored(
              video,
              score.score(
                  viewsByVideo.get(video.id()),
                  video.likeCount(),
                  video.commentCount(),
                  video.publishedAt(),
                  now)));
    }
    // best first; equal scores by id so every run orders them the same way
    scored.sort(
        Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.video().id()));

    store.save(Facet.ALL, list(scored, s -> true, now));
    List<String> categories =
        topFacets(scored, video -> video.categories(), limits.maxCategories());
    List<String> tags = topFacets(scored, video -> video.tags(), limits.maxTags());
    for (String category : categories) {
      store.save(
          Facet.category(category),
          list(scored, s -> normalised(s.video().categories()).contains(category), now));
    }
    for (String tag : tags) {
      store.save(
          Facet.tag(tag), list(scored, s -> normalised(s.video().tags()).contains(tag), now));
    }
    TrendingStore.Facets previous = store.facets();
    clearDropped(previous.categories(), categories, Facet::category, now);
    clearDropped(previous.tags(), tags, Facet::tag, now);
    store.saveFacets(new TrendingStore.Facets(categories, tags), now);
    return new Run(
        limits.horizonHours(), viewsByVideo.size(), scored.size(), categories.size(), tags.size());
  }

  private TrendingStore.RankedList list(
      List<Scored> scored, java.util.function.Predicate<Scored> in, Instant now) {
    return new TrendingStore.RankedList(
        scored.stream().filter(in).limit(limits.topN()).map(s -> s.video().id()).toList(), now);
  }

  /** The names with the highest total score among the scored videos, at most {@code max}. */
  private static List<String> topFacets(
      List<Scored> scored, Function<Video, List<String>> names, int max) {
    var totals = new LinkedHashMap<String, Double>();
    for (Scored s : scored) {
      for (String name : normalised(names.apply(s.video()))) {
        totals.merge(name, s.score(), Double::sum);
      }
    }
    return totals.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(max)
        .map(Map.Entry::getKey)
        .toList();
  }

  private void clearDropped(
      List<String> before, List<String> now, Function<String, Facet> facet, Instant at) {
    Set<String> kept = new HashSet<>(now);
    for (String name : before) {
      if (!kept.contains(name)) {
        store.save(facet.apply(name), new TrendingStore.RankedList(List.of(), at));
      }
    }
  }

  static Set<String> normalised(List<String> names) {
    var set = new LinkedHashSet<String>();
    for (String name : names) {
      String key = Facet.normalise(name);
      if (!key.isEmpty()) {
        set.add(key);
      }
    }
    return set;
  }
}
