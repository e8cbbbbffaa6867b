package dev.kinora.videos.captions;

import java.util.List;
import java.util.Optional;

/** Port: the caption tracks recorded on a video's row. */
public interface CaptionTracks {

  /** The video's tracks, ordered by language. */
  List<StoredTrack> list(String videoId);

  /**
   * Records {@code track} (replacing the language's previous one) if {@code ownerId} still owns the
   * video and it has fewer than {@code maxTracks} tracks or already one for this language.
   *
   * @return every track after the write; empty when a condition failed
   */
  Optional<List<StoredTrack>> put(String videoId, String ownerId, StoredTrack track, int maxTracks);

  /**
   * Forgets the language's track if {@code ownerId} owns the video and the track exists.
   *
   * @return the remaining tracks; empty when there was no such track
   */
  Optional<List<StoredTrack>> remove(String videoId, String ownerId, String language);
}
