package dev.kinora.videos;

import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.List;

/** Videos as the pipeline leaves them in each status. */
final class SampleVideos {
  static final String OWNER = "owner-account-1";
  static final String OWNER_CHANNEL = "owner-channel-1";
  static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");
  static final String POSTER_TOKEN = "Q2hhbmdlZCBvbiBwcml2YX";

  private SampleVideos() {}

  static StoredVideo video(String id, VideoVisibility visibility, VideoStatus status) {
    boolean ready = status == VideoStatus.READY;
    String media = "/media/" + id + "/";
    return new StoredVideo(
        id,
        OWNER,
        OWNER_CHANNEL,
        "Lathe basics",
        "Turning a bowl.",
        List.of("woodwork"),
        List.of("howto"),
        visibility,
        status,
        switch (status) {
          case FAILED -> "We could not read this file as a video";
          case BLOCKED -> "Removed for violating the community guidelines";
          default -> null;
        },
        "upload-1",
        "raw/" + id + "/source",
        status == VideoStatus.UPLOADING ? null : 12.5,
        status == VideoStatus.UPLOADING ? null : 1280,
        status == VideoStatus.UPLOADING ? null : 720,
        ready ? List.of("720p", "480p", "360p") : List.of(),
        null,
        ready ? media + "poster-" + POSTER_TOKEN + ".jpg" : null,
        ready ? media + "master.m3u8" : null,
        ready ? media + "storyboard.jpg" : null,
        ready ? 42 : 0,
        ready ? 3 : 0,
        0,
        0,
        CREATED,
        CREATED.plusSeconds(60),
        ready ? CREATED.plusSeconds(60) : null);
  }
}
