package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuthorizerHandlerTest {
  private static final Account ADA =
      new Account("ac_1", "ada@example.com", "$argon2id$…", "ch_1", "ada", Instant.EPOCH);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final SessionService sessions =
      new SessionService(
          new InMemorySessionStore(),
          new SecureRandom(),
          clock,
          Duration.ofDays(30),
          Duration.ofHours(24));
  private final AuthorizerHandler authorizer = new AuthorizerHandler(sessions);

  private JsonNode authorize(String cookies) throws Exception {
    String event =
        "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeKey\":\"GET /api/v1/auth/me\","
            + "\"rawPath\":\"/api/v1/auth/me\",\"identitySource\":[\""
            + cookies
            + "\"],\"cookies\":["
            + String.join(
                ",", Arrays.stream(cookies.split("; ")).map(c -> "\"" + c + "\"").toList())
            + "],\"headers\":{}}";
    var out = new ByteArrayOutputStream();
    authorizer.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.mapper().readTree(out.toByteArray());
  }

  @Test
  void aLiveSessionIsAllowedWithTheUserInTheContext() throws Exception {
    String token = sessions.start(ADA).token();

    JsonNode answer = authorize("theme=dark; kinora_session=" + token);

    assertThat(answer.path("isAuthorized").asBoolean()).isTrue();
    assertThat(answer.at("/context/userId").asText()).isEqualTo("ac_1");
    assertThat(answer.at("/context/channelId").asText()).isEqualTo("ch_1");
    assertThat(answer.at("/context/handle").asText()).isEqualTo("ada");
  }

  @Test
  void theContextCarriesTheAccountsRolesReadWhenTheSessionIsResolved() throws Exception {
    var roles = new java.util.HashMap<String, java.util.Set<String>>();
    var withRoles =
        new SessionService(
            new InMemorySessionStore(),
            new SecureRandom(),
            clock,
            Duration.ofDays(30),
            Duration.ofHours(24),
            accountId -> roles.getOrDefault(accountId, java.util.Set.of()));
    var handler = new AuthorizerHandler(withRoles);
    String token = withRoles.start(ADA).token();
    assertThat(handler.authorize(cookieEvent(token)).get("roles")).isEqualTo("");

    roles.put("ac_1", java.util.Set.of("admin"));

    assertThat(handler.authorize(cookieEvent(token)).get("roles")).isEqualTo("admin");
  }

  private static JsonNode cookieEvent(String token) throws Exception {
    return Json.mapper().readTree("{\"cookies\":[\"kinora_session=" + token + "\"]}");
  }

  @Test
  void anExpiredSessionIsAllowedThroughMarkedExpiredSoTheHandlerAnswersSessionExpired()
      throws Exception {
    String token = sessions.start(ADA).token();
    clock.advance(Duration.ofDays(31));

    JsonNode answer = authorize("kinora_session=" + token);

    assertThat(answer.path("isAuthorized").asBoolean()).isTrue();
    assertThat(answer.at("/context/session").asText()).isEqualTo("expired");
    assertThat(answer.at("/context/userId").isMissingNode()).isTrue();
  }

  @Test
  void withoutASessionCookieTheRequestIsAnonymous() throws Exception {
    JsonNode answer = authorize("theme=dark");

    assertThat(answer.path("isAuthorized").asBoolean()).isTrue();
    assertThat(answer.at("/context/session").asText()).isEqualTo("none");
  }
}
