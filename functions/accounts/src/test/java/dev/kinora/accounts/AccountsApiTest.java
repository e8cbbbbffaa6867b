package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.local.testing.MutableClock;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.ratelimit.InMemoryRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountsApiTest {
  private static final Contract CONTRACT = Contract.load();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final InMemorySessionStore sessionStore = new InMemorySessionStore();
  private final SessionService sessions =
      new SessionService(
          sessionStore, new SecureRandom(), clock, Duration.ofDays(30), Duration.ofHours(24));
  private final InMemoryAccountStore store = new InMemoryAccountStore();
  private final RateLimiter rateLimiter =
      new RateLimiter(CONTRACT.limits(), new InMemoryRateLimitCounter(), clock);
  private final AvatarService avatars =
      new AvatarService(
          store,
          new FakeAvatarStorage(),
          new AvatarRules(CONTRACT.limits().channel().avatar()),
          rateLimiter,
          new SecureRandom(),
          clock);
  private final AccountsApi api =
      new AccountsApi(
          new AccountService(
              store,
              sessions,
              new PasswordHasher(Argon2Parameters.FOR_TESTS, new SecureRandom()),
              PasswordPolicy.bundled(),
              rateLimiter,
              avatars,
              new SecureRandom(),
              clock),
          sessions,
          avatars,
          clock);

  private static APIGatewayV2HTTPEvent sample(String name) throws Exception {
    Path file = Path.of(System.getProperty("kinora.root", "../.."), "events", name);
    return LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, AccountsApiTest.class.getClassLoader())
        .fromJson(Files.readString(file));
  }

  @Test
  void everyRouteIsAnOperationOfTheContract() {
    assertThat(CONTRACT.operations()).containsAll(AccountsApi.ROUTES.routeKeys());
  }

  @Test
  void meWithoutASessionAnswersUnauthorizedInTheEnvelope() throws Exception {
    APIGatewayV2HTTPResponse response =
        api.handleRequest(sample("accounts-me-anonymous.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(401);
    var body = Json.mapper().readTree(response.getBody());
    assertThat(CONTRACT.validate("ErrorEnvelope", body)).isEmpty();
    assertThat(body.at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void anUnknownHandleIsChannelNotFound() throws Exception {
    APIGatewayV2HTTPResponse response =
        api.handleRequest(sample("accounts-channel-unknown-handle.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(Json.mapper().readTree(response.getBody()).at("/error/code").asText())
        .isEqualTo("CHANNEL_NOT_FOUND");
  }

  @Test
  void logoutClearsTheCookieEvenWithoutASession() throws Exception {
    APIGatewayV2HTTPEvent event = sample("accounts-me-anonymous.json");
    event.setRawPath("/api/v1/auth/logout");
    event.getRequestContext().getHttp().setMethod("POST");
    event.getRequestContext().getHttp().setPath("/api/v1/auth/logout");
    event.getHeaders().put("x-requested-with", "kinora");

    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(response.getCookies())
        .containsExactly("kinora_session=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0");
  }
}
