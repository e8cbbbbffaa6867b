package dev.kinora.realtime;

import dev.kinora.shared.http.SessionUser;
import java.util.List;
import java.util.Optional;

/** Port: who a WebSocket handshake's cookies belong to. */
public interface Sessions {

  /** The user of a live session among {@code cookies} ({@code name=value}); empty otherwise. */
  Optional<SessionUser> user(List<String> cookies);
}
