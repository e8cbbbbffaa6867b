package dev.kinora.discovery;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.listing.VideoItems;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.video.VideoAccessPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Videos to watch next (docs/discovery-ranking.md): candidates are the same channel's latest listed
 * videos and the trending lists of the video's categories and tags, then the overall trending list;
 * each is scored by what it shares with the video (same channel 3, each shared category 2, each
 * shared tag 1) plus up to 1 for its trending rank. Never the video itself, never a video that is
 * not public and ready; the list of a video the caller may not see is VIDEO_NOT_FOUND.
 */
final class RelatedService {
  private static final int MAX_TAG_LISTS = 5;
  private static final int MAX_CANDIDATES = 100;

  private record Candidate(VideoCard card, double score, int order) {}

  private final VideoCatalog videos;
  private final TrendingStore trending;
  private final Cards cards;
  private final DiscoveryLimits.Related limits;

  RelatedService(
      VideoCatalog videos, TrendingStore trending, Cards cards, DiscoveryLimits.Related limits) {
    this.videos = videos;
    this.trending = trending;
    this.cards = cards;
    this.limits = limits;
  }

  /**
   * @param viewerId the signed-in caller, null when anonymous
   * @throws ApiException VIDEO_NOT_FOUND when the video does not exist or the caller may not see it
   */
  Page related(String videoId, String viewerId) {
    return related(videoId, viewerId, false);
  }

  /**
   * {@link #related(String, String)} for a caller who may be an admin: an admin reviewing a blocked
   * video gets its Up next list too (of listable videos only, like everyone).
   */
  Page related(String videoId, String viewerId, boolean viewerIsAdmin) {
    Map<String, AttributeValue> item =
        videos
            .video(videoId)
            .filter(row -> VideoAccessPolicy.canSee(VideoItems.facts(row), viewerId, viewerIsAdmin))
            .orElseThrow(() -> new ApiException(ErrorCode.VIDEO_NOT_FOUND, "No video " + videoId));
    Video subject = VideoItems.toVideo(item);

    List<Map<String, AttributeValue>> sameChannel =
        videos
            .channelVideos(
                subject.channelId(),
                VideoCatalog.ChannelSort.LATEST,
                null,
                limits.sameChannelCandidates() + 1)
            .items();
    var rankedIds = new LinkedHashSet<String>();
    for (String category : TrendingJob.normalised(subject.categories())) {
      rankedIds.addAll(trending.list(Facet.category(category)).videoIds());
    }
    TrendingJob.normalised(subject.tags()).stream()
        .limit(MAX_TAG_LISTS)
        .forEach(tag -> rankedIds.addAll(trending.list(Facet.tag(tag)).videoIds()));
    rankedIds.addAll(trending.list(Facet.ALL).videoIds());

    Set<String> seen = new HashSet<>(List.of(subject.id()));
    var candidates = new ArrayList<VideoCard>();
    for (VideoCard card : cards.fromItems(sameChannel)) {
      if (seen.add(card.video().id())) {
        candidates.add(card);
      }
    }
    List<String> fromLists =
        rankedIds.stream().filter(id -> !seen.contains(id)).limit(MAX_CANDIDATES).toList();
    candidates.addAll(cards.byIds(fromLists));

    var rank = new LinkedHashMap<String, Integer>();
    int position = 0;
    for (String id : rankedIds) {
      rank.put(id, position++);
    }
    Set<String> categories = TrendingJob.normalised(subject.categories());
    Set<String> tags = TrendingJob.normalised(subject.tags());
    var scored = new ArrayList<Candidate>();
    for (int i = 0; i < candidates.size(); i++) {
      Video video = candidates.get(i).video();
      if (video.id().equals(subject.id())) {
        continue;
      }
      double score = video.channelId().equals(subject.channelId()) ? 3 : 0;
      score += 2 * shared(categories, video.categories()) + shared(tags, video.tags());
      Integer r = rank.get(video.id());
      if (r != null) {
        score += 1.0 - (double) r / Math.max(1, rank.size());
      }
      scored.add(new Candidate(candidates.get(i), score, i));
    }
    scored.sort(
        Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::order));
    return Page.of(scored.stream().limit(limits.maxItems()).map(Candidate::card).toList());
  }

  private static int shared(Set<String> subject, List<String> other) {
    int count = 0;
    for (String name : TrendingJob.normalised(other)) {
      if (subject.contains(name)) {
        count++;
      }
    }
    return count;
  }
}
