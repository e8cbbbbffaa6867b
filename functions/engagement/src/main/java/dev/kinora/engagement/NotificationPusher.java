package dev.kinora.engagement;

import dev.kinora.shared.realtime.RealtimeMessage;
import java.util.function.Supplier;

/**
 * Port: tells a signed-in user's open WebSocket connections. {@code message} is built only when the
 * user has one (it reads the unread count). Never fails the caller: live delivery is best effort,
 * the bell also reads the count over HTTP.
 */
public interface NotificationPusher {
  void push(String userId, Supplier<RealtimeMessage> message);

  /** For functions without a WebSocket API (and tests): nobody is online. */
  NotificationPusher NOBODY_ONLINE = (userId, message) -> {};
}
