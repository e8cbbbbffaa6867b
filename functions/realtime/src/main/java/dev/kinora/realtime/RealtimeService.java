package dev.kinora.realtime;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.log.Log;
import dev.kinora.shared.model.ApiError;
import dev.kinora.shared.realtime.ConnectionStore;
import dev.kinora.shared.realtime.RealtimeMessage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the WebSocket API (DESIGN.md §5 Realtime): only signed-in users connect; a
 * connection may follow only its user's own videos, and at most {@code maxSubscriptions} of them.
 * Every refusal is an answer on the socket with a reason, never silence.
 */
public final class RealtimeService {
  private static final System.Logger LOG = Log.logger(RealtimeService.class);

  private final Sessions sessions;
  private final VideoOwners videos;
  private final ConnectionStore connections;
  private final Clock clock;
  private final Duration connectionTtl;
  private final int maxSubscriptions;

  public RealtimeService(
      Sessions sessions,
      VideoOwners videos,
      ConnectionStore connections,
      Clock clock,
      Duration connectionTtl,
      int maxSubscriptions) {
    this.sessions = sessions;
    this.videos = videos;
    this.connections = connections;
    this.clock = clock;
    this.connectionTtl = connectionTtl;
    this.maxSubscriptions = maxSubscriptions;
  }

  /** Accepts the handshake of a signed-in user; empty = refuse (anonymous or expired session). */
  public Optional<SessionUser> connect(String connectionId, List<String> cookies) {
    Optional<SessionUser> user = sessions.user(cookies);
    user.ifPresent(
        u -> connections.open(connectionId, u.userId(), clock.instant().plus(connectionTtl)));
    return user;
  }

  public void disconnect(String connectionId) {
    connections.forget(connectionId);
  }

  /** {@code subscribe}: {@code Subscribed}, or {@code Refused} with the reason. */
  public RealtimeMessage subscribe(String connectionId, String videoId) {
    Optional<String> user = connections.userOf(connectionId);
    if (user.isEmpty()) {
      return gone("subscribe", videoId);
    }
    // Someone else's video and no video at all get the same answer: the socket must not tell
    // which ids exist (as GET /videos/{id} answers 404 for others' private videos).
    if (!videos.ownerOf(videoId).equals(user)) {
      return refused(
          "subscribe", videoId, ErrorCode.VIDEO_NOT_FOUND, "You have no video with this id");
    }
    return switch (connections.subscribe(connectionId, videoId, maxSubscriptions)) {
      case SUBSCRIBED, ALREADY_SUBSCRIBED -> new RealtimeMessage.Subscribed(videoId);
      case LIMIT_REACHED ->
          refused(
              "subscribe",
              videoId,
              ErrorCode.INVALID_INPUT,
              "A connection follows at most " + maxSubscriptions + " videos; unsubscribe first");
      case NO_CONNECTION -> gone("subscribe", videoId);
    };
  }

  /** {@code unsubscribe}: always {@code Unsubscribed} (ending nothing is not an error). */
  public RealtimeMessage unsubscribe(String connectionId, String videoId) {
    connections.unsubscribe(connectionId, videoId);
    return new RealtimeMessage.Unsubscribed(videoId);
  }

  private static RealtimeMessage gone(String action, String videoId) {
    // $connect stored it; only a TTL expiry or a lost write gets here. Reconnecting fixes it.
    LOG.log(Level.WARNING, "message on a connection the table does not know");
    return refused(
        action, videoId, ErrorCode.UNAUTHORIZED, "This connection has ended; reconnect to go on");
  }

  static RealtimeMessage.Refused refused(
      String action, String videoId, ErrorCode code, String message) {
    return new RealtimeMessage.Refused(action, videoId, new ApiError(code, message, null, null));
  }
}
