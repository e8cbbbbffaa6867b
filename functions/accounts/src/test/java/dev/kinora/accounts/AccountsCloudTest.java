package dev.kinora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The accounts context end to end: the repository's template.yaml in the local cloud, requests
 * through the front door, the session authorizer in front of the routes, real DynamoDB tables.
 */
@KinoraCloud
class AccountsCloudTest {
  private static final String PASSWORD = "a long and quiet river";

  private final LocalCloud cloud;

  AccountsCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private Visitor signedUp(String handle) {
    var visitor = new Visitor(cloud);
    var reply =
        visitor.post(
            "/api/v1/auth/signup", Visitor.signupJson(handle + "@example.com", PASSWORD, handle));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
    return visitor;
  }

  @Test
  void signupLoginMeLogoutRoundTrip() {
    String handle = unique("ada");
    var visitor = new Visitor(cloud);

    var signup =
        visitor.post(
            "/api/v1/auth/signup",
            Visitor.signupJson("  " + handle.toUpperCase() + "@Example.com ", PASSWORD, handle));
    assertThat(signup.status()).as(signup.raw().body()).isEqualTo(201);
    assertThat(Contract.load().validate("MeResponse", signup.body())).isEmpty();
    assertThat(signup.body().at("/data/email").asText()).isEqualTo(handle + "@example.com");
    String cookie = signup.raw().headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("kinora_session=")
        .contains("; HttpOnly", "; Secure", "; SameSite=Lax", "; Path=/", "; Max-Age=2592000");

    var me = visitor.get("/api/v1/auth/me");
    assertThat(me.status()).as(me.raw().body()).isEqualTo(200);
    assertThat(me.body().at("/data/channel/handle").asText()).isEqualTo(handle);

    var logout = visitor.post("/api/v1/auth/logout", null);
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.raw().headers().firstValue("set-cookie").orElseThrow())
        .startsWith("kinora_session=;")
        .contains("Max-Age=0");
    assertThat(visitor.session()).isEmpty();

    var login =
        visitor.post("/api/v1/auth/login", Visitor.loginJson(handle + "@example.com", PASSWORD));
    assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
    assertThat(login.body().at("/data/userId").asText())
        .isEqualTo(signup.body().at("/data/userId").asText());
    assertThat(visitor.get("/api/v1/auth/me").status()).isEqualTo(200);
  }

  @Test
  void aLoggedOutSessionIsDeletedServerSide() {
    var visitor = signedUp(unique("bob"));
    String token = visitor.session().orElseThrow();

    visitor.post("/api/v1/auth/logout", null);

    var replay = visitor.send("GET", "/api/v1/auth/me", null, true, "kinora_session=" + token);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.code()).isEqualTo("SESSION_EXPIRED");
  }

  @Test
  void wrongPasswordAndUnknownEmailAnswerTheSameMessage() {
    String handle = unique("cat");
    var visitor = signedUp(handle);

    var wrongPassword =
        visitor.post(
            "/api/v1/auth/login", Visitor.loginJson(handle + "@example.com", "not it at all"));
    var unknownEmail =
        visitor.post(
            "/api/v1/auth/login", Visitor.loginJson(unique("nobody") + "@example.com", PASSWORD));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownEmail.status()).isEqualTo(401);
    assertThat(wrongPassword.body().at("/error/code"))
        .isEqualTo(unknownEmail.body().at("/error/code"));
    assertThat(wrongPassword.body().at("/error/message"))
        .isEqualTo(unknownEmail.body().at("/error/message"));
  }

  @Test
  void duplicateEmailIsRejectedWithEmailTaken() {
    String handle = unique("dan");
    signedUp(handle);

    var again =
        new Visitor(cloud)
            .post(
                "/api/v1/auth/signup",
                Visitor.signupJson(
                    handle.toUpperCase() + "@example.com", PASSWORD, unique("other")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
  }

  @Test
  void concurrentSignupsWithTheSameHandleExactlyOneWins() throws Exception {
    String handle = unique("eve");
    int contenders = 5;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(contenders);
    try {
      List<Future<Visitor.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < contenders; i++) {
        var visitor = new Visitor(cloud);
        String email = unique("eve") + "@example.com";
        Callable<Visitor.Reply> signup =
            () -> {
              start.await();
              return visitor.post(
                  "/api/v1/auth/signup", Visitor.signupJson(email, PASSWORD, handle));
            };
        replies.add(pool.submit(signup));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      for (Future<Visitor.Reply> reply : replies) {
        statuses.add(reply.get().status());
        codes.add(reply.get().code());
      }

      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(contenders - 1);
      assertThat(codes).filteredOn("HANDLE_TAKEN"::equals).hasSize(contenders - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void expiredSessionAnswersSessionExpired() {
    var visitor = signedUp(unique("fay"));
    String tokenHash = SessionService.hash(visitor.session().orElseThrow());

    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("SessionsTable"))
                    .key(Map.of("pk", AttributeValue.fromS(tokenHash)))
                    .updateExpression("SET expiresAt = :past")
                    .expressionAttributeValues(
                        Map.of(
                            ":past",
                            AttributeValue.fromN(
                                Long.toString(Instant.now().minusSeconds(60).getEpochSecond())))));

    var me = visitor.get("/api/v1/auth/me");
    assertThat(me.status()).isEqualTo(401);
    assertThat(me.code()).isEqualTo("SESSION_EXPIRED");
  }

  @Test
  void sixthLoginWithinAMinuteIsRateLimitedWithRetryAfter() throws Exception {
    String handle = unique("gus");
    var visitor = signedUp(handle);
    // Fixed one-minute windows: start early in one so all six attempts fall in it.
    long intoWindow = Instant.now().getEpochSecond() % 60;
    if (intoWindow > 45) {
      Thread.sleep((61 - intoWindow) * 1000);
    }

    for (int i = 1; i <= 5; i++) {
      var attempt =
          visitor.post(
              "/api/v1/auth/login", Visitor.loginJson(handle + "@example.com", "wrong " + i));
      assertThat(attempt.status()).as("attempt %d", i).isEqualTo(401);
    }
    var sixth =
        visitor.post("/api/v1/auth/login", Visitor.loginJson(handle + "@example.com", PASSWORD));

    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.code()).isEqualTo("RATE_LIMITED");
    long retryAfter = Long.parseLong(sixth.raw().headers().firstValue("retry-after").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(sixth.body().at("/error/details/retryAfterSeconds").asLong()).isEqualTo(retryAfter);
  }

  @Test
  void stateChangingRequestWithoutCsrfHeaderIsForbidden() {
    var visitor = signedUp(unique("hal"));

    var patch = visitor.send("PATCH", "/api/v1/channels/me", "{\"name\":\"Hacked\"}", false);
    var signup =
        new Visitor(cloud)
            .send(
                "POST",
                "/api/v1/auth/signup",
                Visitor.signupJson(unique("x") + "@example.com", PASSWORD, unique("x")),
                false);

    assertThat(patch.status()).isEqualTo(403);
    assertThat(patch.code()).isEqualTo("FORBIDDEN");
    assertThat(signup.status()).isEqualTo(403);
    assertThat(signup.code()).isEqualTo("FORBIDDEN");
  }

  @Test
  void commonPasswordIsRejected() {
    var reply =
        new Visitor(cloud)
            .post(
                "/api/v1/auth/signup",
                Visitor.signupJson(unique("ian") + "@example.com", "Password123", unique("ian")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(reply.body().at("/error/details/issues/0/path").asText()).isEqualTo("/password");
  }

  @Test
  void channelIsPublicByHandleAndEditableOnlyByItsOwner() {
    String ownerHandle = unique("jan");
    var owner = signedUp(ownerHandle);
    var other = signedUp(unique("kim"));
    var anonymous = new Visitor(cloud);

    var byHandle = anonymous.get("/api/v1/channels/" + ownerHandle);
    assertThat(byHandle.status()).isEqualTo(200);
    assertThat(Contract.load().validate("ChannelResponse", byHandle.body())).isEmpty();
    String channelId = byHandle.body().at("/data/id").asText();
    assertThat(anonymous.get("/api/v1/channels/" + channelId).body().at("/data/handle").asText())
        .isEqualTo(ownerHandle);
    assertThat(anonymous.get("/api/v1/channels/@" + ownerHandle).status()).isEqualTo(200);

    var edit =
        owner.patch(
            "/api/v1/channels/me", "{\"name\":\"Jan's workshop\",\"description\":\"Lathes.\"}");
    assertThat(edit.status()).as(edit.raw().body()).isEqualTo(200);
    assertThat(edit.body().at("/data/name").asText()).isEqualTo("Jan's workshop");

    var othersEdit = other.patch("/api/v1/channels/me", "{\"name\":\"Not Jan's\"}");
    assertThat(othersEdit.status()).isEqualTo(200);
    var anonymousEdit =
        anonymous.send("PATCH", "/api/v1/channels/me", "{\"name\":\"Anyone\"}", true, "theme=dark");
    assertThat(anonymousEdit.status()).isEqualTo(401);

    var after = anonymous.get("/api/v1/channels/" + ownerHandle).body().path("data");
    assertThat(after.path("name").asText()).isEqualTo("Jan's workshop");
    assertThat(after.path("description").asText()).isEqualTo("Lathes.");
    assertThat(anonymous.get("/api/v1/channels/" + unique("nobody")).code())
        .isEqualTo("CHANNEL_NOT_FOUND");
  }
}
