package dev.kinora.realtime;

import dev.kinora.accounts.SessionCookie;
import dev.kinora.accounts.SessionService;
import dev.kinora.shared.http.SessionUser;
import java.util.List;
import java.util.Optional;

/**
 * The session authorizer's rules for a WebSocket handshake: the same cookie, the same {@link
 * SessionService} (so an expired or signed-out session is refused and a used one slides its expiry
 * exactly as an HTTP request would). The handler runs this itself because the local cloud does not
 * enforce {@code $connect} authorizers, and a REQUEST authorizer on AWS would add a second function
 * and a cache without saving a read.
 */
public final class AccountSessions implements Sessions {
  private final SessionService sessions;

  public AccountSessions(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<SessionUser> user(List<String> cookies) {
    return SessionCookie.token(cookies)
        .flatMap(
            token ->
                switch (sessions.resolve(token)) {
                  case SessionService.Active active -> Optional.of(active.user());
                  case SessionService.Expired expired -> Optional.<SessionUser>empty();
                });
  }
}
