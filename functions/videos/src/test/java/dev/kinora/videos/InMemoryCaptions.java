package dev.kinora.videos;

import dev.kinora.videos.captions.CaptionMedia;
import dev.kinora.videos.captions.CaptionService;
import dev.kinora.videos.captions.CaptionTracks;
import dev.kinora.videos.captions.StoredTrack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Caption tracks and files in memory; owners come from the video store. */
final class InMemoryCaptions implements CaptionTracks, CaptionMedia {
  final Map<String, Map<String, StoredTrack>> tracks = new ConcurrentHashMap<>();
  final Map<String, String> files = new ConcurrentHashMap<>();
  private final InMemoryVideoStore videos;

  InMemoryCaptions(InMemoryVideoStore videos) {
    this.videos = videos;
  }

  static CaptionService service(
      VideoService service, InMemoryCaptions captions, Instant now, int maxTracks) {
    return new CaptionService(
        service,
        captions,
        captions,
        new CaptionService.Limits(4096, 100, maxTracks),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Override
  public List<StoredTrack> list(String videoId) {
    return tracks.getOrDefault(videoId, Map.of()).values().stream()
        .sorted(Comparator.comparing(StoredTrack::language))
        .toList();
  }

  @Override
  public synchronized Optional<List<StoredTrack>> put(
      String videoId, String ownerId, StoredTrack track, int maxTracks) {
    if (!owns(videoId, ownerId)) {
      return Optional.empty();
    }
    Map<String, StoredTrack> of = tracks.computeIfAbsent(videoId, id -> new TreeMap<>());
    if (!of.containsKey(track.language()) && of.size() >= maxTracks) {
      return Optional.empty();
    }
    of.put(track.language(), track);
    return Optional.of(list(videoId));
  }

  @Override
  public synchronized Optional<List<StoredTrack>> remove(
      String videoId, String ownerId, String language) {
    Map<String, StoredTrack> of = tracks.get(videoId);
    if (!owns(videoId, ownerId) || of == null || of.remove(language) == null) {
      return Optional.empty();
    }
    return Optional.of(list(videoId));
  }

  private boolean owns(String videoId, String ownerId) {
    return videos.find(videoId).filter(v -> v.isOwnedBy(ownerId)).isPresent();
  }

  @Override
  public void publish(String videoId, String language, String vtt, String playlist) {
    files.put("media/" + videoId + "/captions/" + language + ".vtt", vtt);
    files.put("media/" + videoId + "/captions/" + language + ".m3u8", playlist);
  }

  @Override
  public void unpublish(String videoId, String language) {
    files.remove("media/" + videoId + "/captions/" + language + ".vtt");
    files.remove("media/" + videoId + "/captions/" + language + ".m3u8");
  }

  @Override
  public Optional<String> master(String videoId) {
    return Optional.ofNullable(files.get("media/" + videoId + "/master.m3u8"));
  }

  @Override
  public void replaceMaster(String videoId, String master) {
    files.put("media/" + videoId + "/master.m3u8", master);
  }
}
