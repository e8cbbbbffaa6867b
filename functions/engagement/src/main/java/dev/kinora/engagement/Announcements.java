package dev.kinora.engagement;

import java.time.Instant;

/**
 * Port: which videos were announced to their channel's subscribers, so a video is announced once,
 * the first time it becomes public and ready, like a platform's "new video" notification. A video
 * made private and public again, or blocked and unblocked, is not news: its subscribers keep the
 * notification they got the first time (shown again once the video is listable again), and nobody
 * is notified anew.
 */
public interface Announcements {

  /**
   * Records that the publish {@code publishId} (the stream record that reported the video becoming
   * listable) announces {@code videoId}, unless an earlier publish already did.
   *
   * @return true when this publish is the one announcing the video (also when asked again for the
   *     same publish: a redelivered first page); false when another publish announced it before
   */
  boolean announce(String videoId, String publishId, Instant at);

  /** Forgets a deleted video's announcement; none is fine. */
  void forget(String videoId);
}
