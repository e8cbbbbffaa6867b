package dev.kinora.realtime;

import java.util.Optional;

/** Port: who owns a video (VideosTable). */
public interface VideoOwners {

  /** The owner's account id; empty when no such video exists. */
  Optional<String> ownerOf(String videoId);
}
