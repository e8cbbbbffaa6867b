package dev.kinora.playlists;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.video.VideoAccessPolicy;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Playlists: create, edit, delete, read, list; add, remove and move items. The order is a position
 * key per item ({@link Ranks}); every append and move is a transaction conditioned on the
 * playlist's version, so concurrent ones are applied one after the other (the loser reads again and
 * retries) and never compute the same key, lose an item or count it twice.
 */
final class PlaylistService {
  static final String WATCH_LATER_TITLE = "Watch later";
  static final String REGULAR_FROM_START = "start";

  private final PlaylistStore store;
  private final VideoDirectory videos;
  private final PlaylistLimits limits;
  private final SecureRandom random;
  private final Clock clock;

  PlaylistService(
      PlaylistStore store,
      VideoDirectory videos,
      PlaylistLimits limits,
      SecureRandom random,
      Clock clock) {
    this.store = store;
    this.videos = videos;
    this.limits = limits;
    this.random = random;
    this.clock = clock;
  }

  /** One page of playlists and the cursor of the next one. */
  record PlaylistPage(List<Playlist> playlists, String nextCursor) {}

  /** One page of items and the cursor of the next one. */
  record ItemPage(List<PlaylistItem> items, String nextCursor) {}

  StoredPlaylist create(SessionUser user, PlaylistRequests.Create request) {
    Instant now = now();
    var playlist =
        new StoredPlaylist(
            newId(),
            PlaylistKind.REGULAR,
            user.userId(),
            user.channelId(),
            request.title().strip(),
            request.description() == null ? "" : request.description(),
            request.visibility(),
            0,
            0,
            now,
            now);
    if (!store.create(playlist)) {
      throw new IllegalStateException("a fresh random playlist id was taken: " + playlist.id());
    }
    return playlist;
  }

  /** The user's Watch later, written on first use; concurrent first uses write it once. */
  StoredPlaylist watchLater(SessionUser user) {
    Optional<StoredPlaylist> existing = store.find(watchLaterId(user.userId()));
    if (existing.isPresent()) {
      return existing.get();
    }
    StoredPlaylist playlist = unsavedWatchLater(user);
    return store.create(playlist) ? playlist : store.find(playlist.id()).orElseThrow();
  }

  /** The caller's Watch later to read: stored, or as it will be (a read stores nothing). */
  StoredPlaylist watchLaterAsRead(SessionUser user) {
    return store.find(watchLaterId(user.userId())).orElseGet(() -> unsavedWatchLater(user));
  }

  /**
   * The caller's Watch later as it is before its first use. Listing shows it without storing it: a
   * read (and a refused one above all) writes nothing; the first add or {@code GET /me/watch-later}
   * stores it under the same id.
   */
  private StoredPlaylist unsavedWatchLater(SessionUser user) {
    Instant now = now();
    return new StoredPlaylist(
        watchLaterId(user.userId()),
        PlaylistKind.WATCH_LATER,
        user.userId(),
        user.channelId(),
        WATCH_LATER_TITLE,
        "",
        PlaylistVisibility.PRIVATE,
        0,
        0,
        now,
        now);
  }

  /** Watch later's id is derived from the user's, so finding it needs no index. */
  static String watchLaterId(String userId) {
    return "WL" + userId;
  }

  PlaylistDetail detail(String playlistId, SessionUser viewer) {
    String viewerId = viewer == null ? null : viewer.userId();
    StoredPlaylist playlist = readable(playlistId, viewer);
    ChannelSummary channel =
        videos
            .channel(playlist.channelId())
            .orElseThrow(() -> notFound(playlistId)); // the owner's account is gone
    return PlaylistDetail.of(
        playlist,
        shownCount(playlist, viewerId, new HashMap<>()),
        channel,
        playlist.isOwnedBy(viewerId));
  }

  StoredPlaylist update(String playlistId, SessionUser user, PlaylistRequests.Update request) {
    StoredPlaylist playlist = editable(playlistId, user);
    if (!PlaylistPolicy.canRenameOrDelete(playlist)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Watch later cannot be renamed or changed");
    }
    return store
        .update(
            playlistId,
            request.title() == null ? null : request.title().strip(),
            request.description(),
            request.visibility(),
            now())
        .orElseThrow(() -> notFound(playlistId));
  }

  void delete(String playlistId, SessionUser user) {
    StoredPlaylist playlist = editable(playlistId, user);
    if (!PlaylistPolicy.canRenameOrDelete(playlist)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Watch later cannot be deleted");
    }
    store.delete(playlistId);
  }

  /**
   * The user's playlists: Watch later first (on the first page), then newest first. A first page of
   * one holds only Watch later; its cursor {@link #REGULAR_FROM_START} starts the others.
   */
  PlaylistPage mine(SessionUser user, String videoId, String cursor, int limit) {
    boolean firstPage = cursor == null;
    String from = firstPage || cursor.equals(REGULAR_FROM_START) ? null : cursor;
    var page = new ArrayList<StoredPlaylist>();
    if (firstPage) {
      page.add(watchLaterAsRead(user));
    }
    int regular = firstPage ? limit - 1 : limit;
    String next;
    if (regular > 0) {
      PlaylistStore.Page<StoredPlaylist> owned = store.byOwner(user.userId(), from, regular);
      page.addAll(owned.items());
      next = owned.nextPosition();
    } else {
      next = store.byOwner(user.userId(), null, 1).items().isEmpty() ? null : REGULAR_FROM_START;
    }
    Set<String> holding =
        videoId == null
            ? Set.of()
            : store.holding(page.stream().map(StoredPlaylist::id).toList(), videoId);
    return new PlaylistPage(
        page.stream()
            .map(p -> Playlist.of(p, videoId == null ? null : holding.contains(p.id())))
            .toList(),
        next);
  }

  /**
   * A channel's public playlists (named by id or handle), each counting the items {@code viewer}
   * may see.
   */
  PlaylistPage ofChannel(String idOrHandle, SessionUser viewer, String cursor, int limit) {
    String viewerId = viewer == null ? null : viewer.userId();
    String channelId =
        videos
            .channelId(idOrHandle)
            .orElseThrow(
                () -> new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "No channel " + idOrHandle));
    PlaylistStore.Page<StoredPlaylist> page = store.publicByChannel(channelId, cursor, limit);
    Map<String, VideoFacts> known = new HashMap<>(); // a video in several playlists is read once
    return new PlaylistPage(
        page.items().stream()
            .map(p -> Playlist.of(p, null, shownCount(p, viewerId, known)))
            .toList(),
        page.nextPosition());
  }

  /**
   * The {@code itemCount} the viewer is shown: the number of items {@link #items} lists to them, so
   * a public playlist never tells others that it holds videos hidden from them.
   *
   * <p>The owner gets the stored count (every item, kept exact by the item transactions; their page
   * marks what they cannot play). Anyone else's count is counted at read time from the item rows
   * and the videos' facts, through the same {@link PlaylistPolicy#showsItem} as the list. A stored
   * second "public" count was the alternative, and it cannot be right: what is visible changes in
   * the videos context (a video goes private, is blocked, finishes processing, is deleted) without
   * this context hearing of it, and it differs per viewer (a video's owner sees their own private
   * video). Counting costs one item Query and one BatchGetItem per 100 videos, bounded by {@code
   * playlist.maxItems}; {@code known} shares the video reads across a listing page.
   */
  private long shownCount(StoredPlaylist playlist, String viewerId, Map<String, VideoFacts> known) {
    if (playlist.isOwnedBy(viewerId) || playlist.itemCount() == 0) {
      return playlist.itemCount();
    }
    List<String> videoIds = store.videoIds(playlist.id());
    List<String> unread = videoIds.stream().filter(id -> !known.containsKey(id)).toList();
    if (!unread.isEmpty()) {
      known.putAll(videos.facts(unread));
    }
    return videoIds.stream()
        .map(known::get)
        .filter(facts -> facts != null && PlaylistPolicy.showsItem(playlist, facts, viewerId))
        .count();
  }

  /** The items the viewer may see, in order; a page may hold fewer than {@code limit}. */
  ItemPage items(String playlistId, SessionUser viewer, String cursor, int limit) {
    String viewerId = viewer == null ? null : viewer.userId();
    StoredPlaylist playlist = readable(playlistId, viewer);
    PlaylistStore.Page<StoredItem> page = store.items(playlistId, cursor, limit);
    Map<String, VideoCard> cards =
        videos.cards(
            page.items().stream().map(StoredItem::videoId).toList(),
            facts -> PlaylistPolicy.showsItem(playlist, facts, viewerId));
    var items = new ArrayList<PlaylistItem>();
    for (StoredItem item : page.items()) {
      VideoCard card = cards.get(item.videoId());
      if (card != null) {
        items.add(new PlaylistItem(card.video(), card.channel(), item.addedAt()));
      }
    }
    return new ItemPage(items, page.nextPosition());
  }

  /** What {@link #add} did: whether the item is new, and the item. */
  record Added(boolean created, PlaylistItem item) {}

  Added add(String playlistId, SessionUser user, String videoId) {
    editable(playlistId, user);
    if (videos.facts(videoId).filter(f -> VideoAccessPolicy.canSee(f, user.userId())).isEmpty()) {
      throw new ApiException(ErrorCode.VIDEO_NOT_FOUND, "No video " + videoId);
    }
    if (playlistId.equals(watchLaterId(user.userId()))) {
      watchLater(user); // its first use stores it
    }
    for (int attempt = 1; ; attempt++) {
      StoredPlaylist playlist = editable(playlistId, user);
      Optional<StoredItem> existing = store.item(playlistId, videoId);
      if (existing.isPresent()) {
        return new Added(false, shown(playlist, existing.get(), user.userId()));
      }
      if (playlist.itemCount() >= limits.maxItems()) {
        throw full();
      }
      String position =
          store.last(playlistId).map(i -> Ranks.after(i.position())).orElse(Ranks.FIRST);
      Instant now = now();
      var item = new StoredItem(playlistId, videoId, position, now);
      switch (store.append(playlist, item, limits.maxItems(), now)) {
        case DONE -> {
          return new Added(true, shown(playlist, item, user.userId()));
        }
        case FULL -> throw full();
        case GONE -> throw notFound(playlistId);
        default -> retryOrGiveUp(attempt); // RETRY, or UNCHANGED: added meanwhile
      }
    }
  }

  void remove(String playlistId, SessionUser user, String videoId) {
    editable(playlistId, user);
    if (store.remove(playlistId, videoId, now()) == PlaylistStore.Outcome.GONE) {
      throw notFound(playlistId);
    }
  }

  /** Moves the item right after {@code afterVideoId}, or to the top when that is null. */
  PlaylistItem move(String playlistId, SessionUser user, String videoId, String afterVideoId) {
    if (videoId.equals(afterVideoId)) {
      throw badTarget("is the item being moved");
    }
    for (int attempt = 1; ; attempt++) {
      // The version first, then the neighbours: a change between the two reads fails the write.
      StoredPlaylist playlist = editable(playlistId, user);
      StoredItem item =
          store
              .item(playlistId, videoId)
              .orElseThrow(
                  () ->
                      new ApiException(ErrorCode.NOT_FOUND, videoId + " is not in this playlist"));
      Optional<String> position = target(playlistId, videoId, afterVideoId);
      if (position.isEmpty()) {
        return shown(playlist, item, user.userId()); // already right there
      }
      String placed = position.get();
      PlaylistStore.Outcome outcome;
      if (placed.length() <= limits.maxRankLength()) {
        outcome = store.move(playlist, videoId, placed, now());
      } else {
        Map<String, String> positions = rebalanced(playlistId, videoId, afterVideoId);
        placed = positions.get(videoId);
        outcome = store.rebalance(playlist, positions, now());
      }
      switch (outcome) {
        case DONE -> {
          return shown(
              playlist, new StoredItem(playlistId, videoId, placed, item.addedAt()), user.userId());
        }
        case GONE -> throw notFound(playlistId);
        default -> retryOrGiveUp(attempt); // the order changed meanwhile
      }
    }
  }

  /**
   * Rebalancing: new positions for {@code videoId} placed after {@code afterVideoId} (null: at the
   * top) and for the run of items around that gap, when the gap itself has no short key left. The
   * run is at most {@link PlaylistStore#MAX_REBALANCED} items, so the caller writes it in one
   * transaction with the version bump, serialised with every other append and move like a move of
   * one item (a playlist of up to 99 items is renumbered whole). Of the runs that hold the gap, the
   * one whose spread keys are shortest is taken: its bounds are the items just outside it, so
   * nothing else moves and the order stays total at every moment.
   */
  private Map<String, String> rebalanced(String playlistId, String videoId, String afterVideoId) {
    var others = new ArrayList<StoredItem>();
    String after = null;
    do {
      PlaylistStore.Page<StoredItem> page = store.items(playlistId, after, limits.maxItems());
      page.items().stream().filter(i -> !i.videoId().equals(videoId)).forEach(others::add);
      after = page.nextPosition();
    } while (after != null);
    int gap = 0;
    if (afterVideoId != null) {
      gap = 1 + others.stream().map(StoredItem::videoId).toList().indexOf(afterVideoId);
      if (gap == 0) {
        throw badTarget("is not in this playlist");
      }
    }
    int width = Math.min(others.size(), PlaylistStore.MAX_REBALANCED - 1);
    List<String> best = null;
    int bestStart = 0;
    for (int start = Math.max(0, gap - width);
        start <= Math.min(gap, others.size() - width);
        start++) {
      String low = start == 0 ? null : others.get(start - 1).position();
      String high = start + width == others.size() ? null : others.get(start + width).position();
      List<String> keys = Ranks.spread(low, high, width + 1);
      if (best == null || longest(keys) < longest(best)) {
        best = keys;
        bestStart = start;
      }
    }
    if (best == null || longest(best) > limits.maxRankLength()) {
      // Only after thousands of deliberate moves crowding hundreds of items into one spot.
      throw new ApiException(
          ErrorCode.CONFLICT,
          "This spot has been reordered too often; move the item one place further instead");
    }
    var run =
        new ArrayList<>(
            others.subList(bestStart, bestStart + width).stream()
                .map(StoredItem::videoId)
                .toList());
    run.add(gap - bestStart, videoId);
    var positions = new LinkedHashMap<String, String>();
    for (int i = 0; i < run.size(); i++) {
      positions.put(run.get(i), best.get(i));
    }
    return positions;
  }

  private static int longest(List<String> keys) {
    return keys.stream().mapToInt(String::length).max().orElse(0);
  }

  /** The new position of {@code videoId}, or empty when it already sits there. */
  private Optional<String> target(String playlistId, String videoId, String afterVideoId) {
    String low = null;
    if (afterVideoId != null) {
      low =
          store
              .item(playlistId, afterVideoId)
              .orElseThrow(() -> badTarget("is not in this playlist"))
              .position();
    }
    List<StoredItem> following = store.items(playlistId, low, 2).items();
    StoredItem next = following.isEmpty() ? null : following.get(0);
    if (next != null && next.videoId().equals(videoId)) {
      return Optional.empty();
    }
    return Optional.of(Ranks.between(low, next == null ? null : next.position()));
  }

  private PlaylistItem shown(StoredPlaylist playlist, StoredItem item, String viewerId) {
    VideoCard card =
        videos
            .cards(List.of(item.videoId()), f -> PlaylistPolicy.showsItem(playlist, f, viewerId))
            .get(item.videoId());
    if (card == null) {
      // The owner may see it (they added it) unless it went private since: answer it as gone.
      throw new ApiException(ErrorCode.VIDEO_NOT_FOUND, "No video " + item.videoId());
    }
    return new PlaylistItem(card.video(), card.channel(), item.addedAt());
  }

  /** The caller's own Watch later reads as its unsaved self until its first use stores it. */
  private StoredPlaylist readable(String playlistId, SessionUser viewer) {
    String viewerId = viewer == null ? null : viewer.userId();
    return store
        .find(playlistId)
        .or(
            () ->
                viewer != null && playlistId.equals(watchLaterId(viewerId))
                    ? Optional.of(unsavedWatchLater(viewer))
                    : Optional.empty())
        .filter(p -> PlaylistPolicy.canRead(p, viewerId))
        .orElseThrow(() -> notFound(playlistId));
  }

  private StoredPlaylist editable(String playlistId, SessionUser user) {
    StoredPlaylist playlist = readable(playlistId, user);
    if (!PlaylistPolicy.canEdit(playlist, user.userId())) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Only the playlist's owner can change it");
    }
    return playlist;
  }

  private void retryOrGiveUp(int attempt) {
    if (attempt >= limits.writeAttempts()) {
      throw new IllegalStateException(
          "playlist order still contended after " + attempt + " attempts");
    }
    // Jittered so writers that collided do not collide again in lockstep.
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + Math.min(attempt, 10) * 5L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a playlist write", e);
    }
  }

  private static ApiException notFound(String playlistId) {
    return new ApiException(ErrorCode.NOT_FOUND, "No playlist " + playlistId);
  }

  private ApiException full() {
    return new ApiException(
        ErrorCode.CONFLICT,
        "A playlist holds at most " + limits.maxItems() + " videos; remove one first");
  }

  private static ApiException badTarget(String problem) {
    return ApiException.validation(List.of(new ValidationIssue("/afterVideoId", problem)));
  }

  private String newId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private Instant now() {
    // Microseconds: what the table's sortable timestamps hold, so an answer equals a later read.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
