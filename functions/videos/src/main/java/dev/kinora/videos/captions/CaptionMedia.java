package dev.kinora.videos.captions;

import java.util.Optional;

/** Port: the published files of caption tracks and the master playlist they are listed in. */
public interface CaptionMedia {

  /** Writes (or replaces) a track's WebVTT file and its subtitle media playlist. */
  void publish(String videoId, String language, String vtt, String playlist);

  /** Deletes a track's two files. */
  void unpublish(String videoId, String language);

  /** The video's master playlist, if it has been published. */
  Optional<String> master(String videoId);

  /** Replaces the master playlist. */
  void replaceMaster(String videoId, String master);
}
