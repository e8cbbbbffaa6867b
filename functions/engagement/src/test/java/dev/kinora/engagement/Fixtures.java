package dev.kinora.engagement;

import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.ratelimit.InMemoryRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Instant;

/** Services over {@link InMemoryEngagement}, a controllable clock and the real limits. */
final class Fixtures {
  static final Limits LIMITS = Contract.load().limits();
  static final SessionUser OWNER = user("owner");
  static final SessionUser ALICE = user("alice");
  static final SessionUser BOB = user("bob");

  final InMemoryEngagement store = new InMemoryEngagement();
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  final RateLimiter rateLimiter = new RateLimiter(LIMITS, new InMemoryRateLimitCounter(), clock);
  final RatingService ratings = new RatingService(store, store, rateLimiter, attempt -> {}, clock);
  final CommentService comments =
      new CommentService(
          store, store, store, rateLimiter, LIMITS.comment(), new SecureRandom(), clock);

  final InMemorySocial social = new InMemorySocial();
  final SubscriptionService subscriptions =
      new SubscriptionService(social, social, social, rateLimiter, attempt -> {}, clock, 100);
  final NotificationService notifications = new NotificationService(social, social, clock);
  final FanOutService fanOut =
      new FanOutService(social, social, social, social, social, social, clock, 2);

  /** Runs queued fan-out pages until the queue is empty; how many pages ran. */
  int drainFanOut() {
    int pages = 0;
    for (FanOutMessage message; (message = social.queue.poll()) != null; pages++) {
      fanOut.handle(message);
    }
    return pages;
  }

  static SessionUser user(String name) {
    return new SessionUser("acc_" + name, "ch_" + name, name, Long.MAX_VALUE);
  }

  String video(VideoVisibility visibility, VideoStatus status) {
    String id = "vid" + (store.videos.size() + 10000000);
    store.put(new VideoRef(id, OWNER.userId(), visibility, status, 0, 0, 0));
    return id;
  }

  String publicVideo() {
    return video(VideoVisibility.PUBLIC, VideoStatus.READY);
  }

  VideoRef videoRow(String id) {
    return store.videos.get(id);
  }
}
