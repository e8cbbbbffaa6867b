package dev.kinora.videos;

import java.util.Optional;

/** Port: what the videos service needs from storage. */
public interface VideoStore {

  /** The video with this id, if it exists. */
  Optional<StoredVideo> find(String videoId);
}
