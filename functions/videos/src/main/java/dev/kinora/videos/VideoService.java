package dev.kinora.videos;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.RatingValue;
import dev.kinora.shared.model.VideoUpdateRequest;
import dev.kinora.shared.model.VideoViewer;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.model.ViewResult;
import dev.kinora.shared.model.WatchHistoryEntry;
import dev.kinora.shared.model.WatchProgress;
import dev.kinora.shared.model.WatchProgressUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The videos context's rules: reading, editing and deleting a video, progress and views. */
public final class VideoService {
  private final VideoStore store;
  private final ChannelDirectory channels;
  private final WatchProgressStore progress;
  private final ViewLedger views;
  private final Ratings ratings;
  private final MediaStore media;
  private final PosterRotation posters;
  private final ViewRule viewRule;
  private final Duration viewDedupWindow;
  private final Clock clock;

  public VideoService(
      VideoStore store,
      ChannelDirectory channels,
      WatchProgressStore progress,
      ViewLedger views,
      Ratings ratings,
      MediaStore media,
      CdnInvalidation cdn,
      ViewRule viewRule,
      Duration viewDedupWindow,
      Clock clock) {
    this.store = store;
    this.channels = channels;
    this.progress = progress;
    this.views = views;
    this.ratings = ratings;
    this.media = media;
    this.posters = new PosterRotation(store, media, cdn);
    this.viewRule = viewRule;
    this.viewDedupWindow = viewDedupWindow;
    this.clock = clock;
  }

  /** A video with its channel and the caller's state, as the watch page reads it. */
  public record Detail(StoredVideo video, ChannelSummary channel, VideoViewer viewer) {}

  /**
   * The video {@code videoId} as {@code viewerId} (null when anonymous) may see it.
   *
   * @throws ApiException VIDEO_NOT_FOUND when it does not exist or the viewer may not see it: the
   *     two answers are identical, so probing ids reveals nothing
   */
  public StoredVideo find(String videoId, String viewerId) {
    return find(videoId, viewerId, false);
  }

  /**
   * The video as a caller read from the session (empty: anonymous) may <em>see</em> it: an admin
   * also sees a blocked one (to review it and read the reason), which is all the watch page needs.
   * Writing anything about a video (progress, views, edits) goes through {@link #find(String,
   * String)}, where the role counts for nothing.
   */
  public StoredVideo find(String videoId, Optional<SessionUser> viewer) {
    return find(
        videoId,
        viewer.map(SessionUser::userId).orElse(null),
        viewer.map(SessionUser::isAdmin).orElse(false));
  }

  private StoredVideo find(String videoId, String viewerId, boolean viewerIsAdmin) {
    return store
        .find(videoId)
        .filter(
            video ->
                ViewingPolicy.decide(video, viewerId, viewerIsAdmin)
                    instanceof ViewingPolicy.Allowed)
        .orElseThrow(VideoService::notFound);
  }

  /** {@link #find} plus the channel and the caller's resume position and like state. */
  public Detail detail(String videoId, String viewerId) {
    return detail(find(videoId, viewerId), viewerId);
  }

  /**
   * The watch page's read: {@link #detail(String, String)} for a caller read from the session, as
   * {@link #find(String, Optional)} lets them see it (admins: blocked videos too).
   */
  public Detail detail(String videoId, Optional<SessionUser> viewer) {
    return detail(find(videoId, viewer), viewer.map(SessionUser::userId).orElse(null));
  }

  private Detail detail(StoredVideo video, String viewerId) {
    String videoId = video.id();
    ChannelSummary channel =
        channels
            .find(video.channelId())
            // A channel is created with its account and never deleted; a missing one is a bug
            // elsewhere, and the watch page still works with the bare id.
            .orElseGet(
                () -> new ChannelSummary(video.channelId(), "unknown", "Unknown channel", null, 0));
    Double resume =
        viewerId == null
            ? null
            : progress.find(viewerId, videoId).map(WatchProgress::lastPosition).orElse(null);
    return new Detail(
        video,
        channel,
        new VideoViewer(
            resume,
            viewerId == null ? RatingValue.NONE : ratings.find(viewerId, videoId),
            video.isOwnedBy(viewerId)));
  }

  /**
   * The owner's edit.
   *
   * @throws ApiException VIDEO_NOT_FOUND when the caller may not see the video, FORBIDDEN when they
   *     may see it but do not own it
   */
  public StoredVideo update(String videoId, String callerId, VideoUpdateRequest changes) {
    StoredVideo before = requireOwner(videoId, callerId);
    Instant now = clock.instant();
    StoredVideo after =
        store.update(videoId, callerId, changes, now).orElseThrow(VideoService::notFound);
    if (before.visibility() != VideoVisibility.PRIVATE
        && after.visibility() == VideoVisibility.PRIVATE) {
      // Its poster URL may be known from when it was listed or shared: that URL stops working.
      return posters.rotate(after, now);
    }
    return after;
  }

  /** Deletes the row first (the video is gone for everyone at once), then its bytes. */
  public void delete(String videoId, String callerId) {
    StoredVideo video = requireOwner(videoId, callerId);
    if (!store.delete(videoId, callerId)) {
      throw notFound();
    }
    media.deleteMedia(videoId);
    media.deleteSource(video.sourceKey());
  }

  /** Saves the signed-in viewer's position; maxima only grow. */
  public WatchProgress saveProgress(String videoId, String userId, WatchProgressUpdate update) {
    StoredVideo video = find(videoId, userId);
    double duration =
        video.durationSeconds() != null && video.durationSeconds() > 0
            ? video.durationSeconds()
            : update.duration();
    double position = Math.min(update.position(), duration);
    double percentage = Math.min(100.0, 100.0 * position / duration);
    return progress.save(userId, videoId, position, position, percentage, clock.instant());
  }

  /**
   * Counts a view when the rule says enough was watched and this viewer has none counted lately.
   */
  public ViewResult recordView(String videoId, Viewer viewer, double declaredSeconds) {
    StoredVideo video = find(videoId, viewer.userId().orElse(null));
    Double saved =
        viewer
            .userId()
            .map(
                userId ->
                    progress.find(userId, videoId).map(WatchProgress::watchedSeconds).orElse(0.0))
            .orElse(null);
    if (viewRule.decide(video.durationSeconds(), declaredSeconds, saved)
        instanceof ViewRule.TooShort) {
      return new ViewResult(false, video.viewCount());
    }
    OptionalLong counted =
        views.countOnce(videoId, viewer.viewKey(), clock.instant(), viewDedupWindow);
    return counted.isPresent()
        ? new ViewResult(true, counted.getAsLong())
        : new ViewResult(false, views.viewCount(videoId));
  }

  /** One page of the viewer's history, leaving out videos they may no longer see. */
  public HistoryPage history(String userId, String cursor, int limit) {
    WatchProgressStore.Page page = progress.recent(userId, cursor, limit);
    Map<String, StoredVideo> byId =
        store.findAll(page.items().stream().map(WatchProgress::videoId).toList()).stream()
            .filter(video -> visible(video, userId))
            .collect(Collectors.toMap(StoredVideo::id, Function.identity()));
    List<WatchHistoryEntry> entries =
        page.items().stream()
            .filter(item -> byId.containsKey(item.videoId()))
            .map(item -> new WatchHistoryEntry(byId.get(item.videoId()).toApi(), item))
            .toList();
    return new HistoryPage(entries, Optional.ofNullable(page.nextCursor()));
  }

  /** A page of history entries and the cursor of the next one. */
  public record HistoryPage(List<WatchHistoryEntry> entries, Optional<String> nextCursor) {}

  /**
   * The video if {@code callerId} owns it.
   *
   * @throws ApiException VIDEO_NOT_FOUND when the caller may not see it, FORBIDDEN when they may
   *     see it but do not own it (so a stranger learns no more than GET tells them)
   */
  public StoredVideo requireOwner(String videoId, String callerId) {
    StoredVideo video = find(videoId, callerId);
    if (!video.isOwnedBy(callerId)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Only the video's owner can change it");
    }
    return video;
  }

  private static boolean visible(StoredVideo video, String viewerId) {
    return ViewingPolicy.decide(video, viewerId) instanceof ViewingPolicy.Allowed;
  }

  static ApiException notFound() {
    return new ApiException(ErrorCode.VIDEO_NOT_FOUND, "There is no such video");
  }
}
