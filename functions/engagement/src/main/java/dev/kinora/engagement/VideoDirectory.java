package dev.kinora.engagement;

import java.util.Optional;

/** Port: reading the videos engagement attaches to. */
public interface VideoDirectory {

  /** The video with this id, read strongly consistent (its counters just changed). */
  Optional<VideoRef> video(String videoId);
}
