package dev.kinora.playlists;

import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The storage and video ports in memory, with the same conditions as the DynamoDB adapters. */
final class InMemoryPlaylists implements PlaylistStore, VideoDirectory {
  private final Map<String, StoredPlaylist> playlists = new HashMap<>();
  private final Map<String, Map<String, StoredItem>> items = new HashMap<>();
  private final Map<String, VideoFacts> videos = new HashMap<>();

  /**
   * Appends and moves that should find the version changed under them, as a concurrent writer
   * would.
   */
  int conflictsToInject;

  void video(String id, String ownerId, VideoVisibility visibility, VideoStatus status) {
    videos.put(id, new VideoFacts(ownerId, visibility, status));
  }

  List<String> order(String playlistId) {
    return items.getOrDefault(playlistId, Map.of()).values().stream()
        .sorted(Comparator.comparing(StoredItem::position))
        .map(StoredItem::videoId)
        .toList();
  }

  @Override
  public synchronized Optional<StoredPlaylist> find(String playlistId) {
    return Optional.ofNullable(playlists.get(playlistId));
  }

  @Override
  public synchronized boolean create(StoredPlaylist playlist) {
    return playlists.putIfAbsent(playlist.id(), playlist) == null;
  }

  @Override
  public synchronized Optional<StoredPlaylist> update(
      String playlistId,
      String title,
      String description,
      PlaylistVisibility visibility,
      Instant now) {
    StoredPlaylist p = playlists.get(playlistId);
    if (p == null) {
      return Optional.empty();
    }
    var updated =
        new StoredPlaylist(
            p.id(),
            p.kind(),
            p.ownerId(),
            p.channelId(),
            title == null ? p.title() : title,
            description == null ? p.description() : description,
            visibility == null ? p.visibility() : visibility,
            p.itemCount(),
            p.version(),
            p.createdAt(),
            now);
    playlists.put(playlistId, updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized void delete(String playlistId) {
    playlists.remove(playlistId);
    items.remove(playlistId);
  }

  private Page<StoredPlaylist> newestFirst(Predicate<StoredPlaylist> which, int limit) {
    List<StoredPlaylist> all =
        playlists.values().stream()
            .filter(which)
            .sorted(Comparator.comparing(StoredPlaylist::createdAt).reversed())
            .toList();
    return new Page<>(
        all.subList(0, Math.min(limit, all.size())), all.size() > limit ? "more" : null);
  }

  @Override
  public synchronized Page<StoredPlaylist> byOwner(String ownerId, String cursor, int limit) {
    return newestFirst(p -> p.ownerId().equals(ownerId) && p.kind() == PlaylistKind.REGULAR, limit);
  }

  @Override
  public synchronized Page<StoredPlaylist> publicByChannel(
      String channelId, String cursor, int limit) {
    return newestFirst(
        p -> p.channelId().equals(channelId) && p.visibility() == PlaylistVisibility.PUBLIC, limit);
  }

  @Override
  public synchronized Set<String> holding(List<String> playlistIds, String videoId) {
    var found = new HashSet<String>();
    for (String id : playlistIds) {
      if (items.getOrDefault(id, Map.of()).containsKey(videoId)) {
        found.add(id);
      }
    }
    return found;
  }

  @Override
  public synchronized Optional<StoredItem> item(String playlistId, String videoId) {
    return Optional.ofNullable(items.getOrDefault(playlistId, Map.of()).get(videoId));
  }

  @Override
  public synchronized List<String> videoIds(String playlistId) {
    return List.copyOf(items.getOrDefault(playlistId, Map.of()).keySet());
  }

  @Override
  public synchronized Optional<StoredItem> last(String playlistId) {
    return items.getOrDefault(playlistId, Map.of()).values().stream()
        .max(Comparator.comparing(StoredItem::position));
  }

  @Override
  public synchronized Page<StoredItem> items(String playlistId, String after, int limit) {
    List<StoredItem> all =
        items.getOrDefault(playlistId, Map.of()).values().stream()
            .filter(i -> after == null || i.position().compareTo(after) > 0)
            .sorted(Comparator.comparing(StoredItem::position))
            .toList();
    List<StoredItem> page = all.subList(0, Math.min(limit, all.size()));
    return new Page<>(page, all.size() > limit ? page.get(page.size() - 1).position() : null);
  }

  private boolean versionMoved(StoredPlaylist read) {
    if (conflictsToInject > 0) {
      conflictsToInject--;
      return true;
    }
    return playlists.get(read.id()).version() != read.version();
  }

  private void bump(StoredPlaylist current, long countBy, Instant now) {
    playlists.put(
        current.id(),
        new StoredPlaylist(
            current.id(),
            current.kind(),
            current.ownerId(),
            current.channelId(),
            current.title(),
            current.description(),
            current.visibility(),
            current.itemCount() + countBy,
            current.version() + (countBy >= 0 ? 1 : 0),
            current.createdAt(),
            now));
  }

  @Override
  public synchronized Outcome append(
      StoredPlaylist playlist, StoredItem item, int maxItems, Instant now) {
    StoredPlaylist current = playlists.get(playlist.id());
    if (current == null) {
      return Outcome.GONE;
    }
    Map<String, StoredItem> rows = items.computeIfAbsent(playlist.id(), k -> new LinkedHashMap<>());
    if (rows.containsKey(item.videoId())) {
      return Outcome.UNCHANGED;
    }
    if (versionMoved(playlist)) {
      return Outcome.RETRY;
    }
    if (current.itemCount() >= maxItems) {
      return Outcome.FULL;
    }
    rows.put(item.videoId(), item);
    bump(current, 1, now);
    return Outcome.DONE;
  }

  @Override
  public synchronized Outcome move(
      StoredPlaylist playlist, String videoId, String position, Instant now) {
    StoredPlaylist current = playlists.get(playlist.id());
    if (current == null) {
      return Outcome.GONE;
    }
    if (versionMoved(playlist)) {
      return Outcome.RETRY;
    }
    StoredItem item = items.getOrDefault(playlist.id(), Map.of()).get(videoId);
    if (item == null) {
      return Outcome.RETRY;
    }
    items
        .get(playlist.id())
        .put(videoId, new StoredItem(item.playlistId(), videoId, position, item.addedAt()));
    bump(current, 0, now);
    return Outcome.DONE;
  }

  /** The most item rows one rebalance rewrote. */
  int largestRebalance;

  /** How many rebalances were written. */
  int rebalances;

  @Override
  public synchronized Outcome rebalance(
      StoredPlaylist playlist, Map<String, String> positions, Instant now) {
    if (positions.size() > MAX_REBALANCED) {
      throw new IllegalArgumentException("more than one transaction holds: " + positions.size());
    }
    StoredPlaylist current = playlists.get(playlist.id());
    if (current == null) {
      return Outcome.GONE;
    }
    Map<String, StoredItem> rows = items.getOrDefault(playlist.id(), Map.of());
    if (versionMoved(playlist) || !rows.keySet().containsAll(positions.keySet())) {
      return Outcome.RETRY;
    }
    positions.forEach(
        (videoId, position) -> {
          StoredItem item = rows.get(videoId);
          rows.put(videoId, new StoredItem(item.playlistId(), videoId, position, item.addedAt()));
        });
    largestRebalance = Math.max(largestRebalance, positions.size());
    rebalances++;
    bump(current, 0, now);
    return Outcome.DONE;
  }

  /** The position keys of the playlist, in order. */
  synchronized List<String> positions(String playlistId) {
    return items.getOrDefault(playlistId, Map.of()).values().stream()
        .map(StoredItem::position)
        .sorted()
        .toList();
  }

  @Override
  public synchronized Outcome remove(String playlistId, String videoId, Instant now) {
    StoredPlaylist current = playlists.get(playlistId);
    if (current == null) {
      return Outcome.GONE;
    }
    if (items.getOrDefault(playlistId, new HashMap<>()).remove(videoId) == null) {
      return Outcome.UNCHANGED;
    }
    bump(current, -1, now);
    return Outcome.DONE;
  }

  @Override
  public synchronized Optional<VideoFacts> facts(String videoId) {
    return Optional.ofNullable(videos.get(videoId));
  }

  @Override
  public synchronized Map<String, VideoFacts> facts(Collection<String> videoIds) {
    var found = new HashMap<String, VideoFacts>();
    videoIds.stream().filter(videos::containsKey).forEach(id -> found.put(id, videos.get(id)));
    return found;
  }

  @Override
  public synchronized Map<String, VideoCard> cards(
      List<String> videoIds, Predicate<VideoFacts> shown) {
    var cards = new LinkedHashMap<String, VideoCard>();
    for (String id : new ArrayList<>(videoIds)) {
      VideoFacts facts = videos.get(id);
      if (facts != null && shown.test(facts)) {
        cards.put(id, new VideoCard(video(id, facts), channel()));
      }
    }
    return cards;
  }

  @Override
  public Optional<ChannelSummary> channel(String channelId) {
    return Optional.of(channel());
  }

  @Override
  public Optional<String> channelId(String idOrHandle) {
    String value = idOrHandle.startsWith("@") ? idOrHandle.substring(1) : idOrHandle;
    return value.equals("c1") || value.equals("ada") ? Optional.of("c1") : Optional.empty();
  }

  private static ChannelSummary channel() {
    return new ChannelSummary("c1", "ada", "Ada", null, 0);
  }

  private static Video video(String id, VideoFacts facts) {
    return new Video(
        id,
        "c1",
        "A video",
        "",
        List.of(),
        List.of(),
        facts.visibility(),
        facts.status(),
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        0,
        0,
        0,
        0,
        null,
        Instant.parse("2026-12-01T00:00:00Z"));
  }
}
