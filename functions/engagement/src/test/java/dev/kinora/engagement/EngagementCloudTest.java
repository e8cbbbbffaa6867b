package dev.kinora.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ratings and comments end to end: the repository's template.yaml in the local cloud, signed-up
 * users through the front door and the session authorizer, videos written into VideosTable with the
 * SDK the way uploads and transcode leave them, real DynamoDB transactions.
 */
@KinoraCloud
class EngagementCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LocalCloud cloud;

  EngagementCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  /** A signed-up browser and the ids a video row needs. */
  private record User(Visitor visitor, String userId, String channelId) {}

  private User signUp() {
    Visitor visitor = Visitor.signedUp(cloud);
    return new User(visitor, visitor.userId(), visitor.channelId());
  }

  private List<User> signUp(int count) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      var futures = new ArrayList<Future<User>>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit((Callable<User>) this::signUp));
      }
      var users = new ArrayList<User>();
      for (Future<User> future : futures) {
        users.add(future.get());
      }
      return users;
    }
  }

  /** A video row as the pipeline leaves it. */
  private String putVideo(User owner, String visibility, String status) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var item = new HashMap<String, AttributeValue>();
    item.put("id", s(id));
    item.put("ownerId", s(owner.userId()));
    item.put("channelId", s(owner.channelId()));
    item.put("title", s("Lathe basics"));
    item.put("description", s(""));
    item.put("tags", AttributeValue.fromL(List.of()));
    item.put("categories", AttributeValue.fromL(List.of()));
    item.put("visibility", s(visibility));
    item.put("status", s(status));
    item.put("createdAt", s("2026-11-25T12:00:00Z"));
    if (status.equals("ready")) {
      item.put("resolutions", AttributeValue.fromL(List.of(s("360p"))));
      item.put("publishedAt", s("2026-11-25T12:05:00Z"));
    }
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(item));
    return id;
  }

  private Map<String, AttributeValue> videoRow(String id) {
    return cloud
        .dynamoDb()
        .getItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", s(id)))
                    .consistentRead(true))
        .item();
  }

  private static long counter(Map<String, AttributeValue> row, String name) {
    AttributeValue value = row.get(name);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  private static Visitor.Reply rate(User user, String videoId, String value) {
    return user.visitor()
        .send(
            "PUT", "/api/v1/videos/" + videoId + "/rating", "{\"value\":\"" + value + "\"}", true);
  }

  private static Visitor.Reply comment(User user, String videoId, String text, String parentId) {
    var body = new HashMap<String, String>();
    body.put("text", text);
    if (parentId != null) {
      body.put("parentId", parentId);
    }
    return user.visitor().post("/api/v1/videos/" + videoId + "/comments", Json.write(body));
  }

  private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
      var results = new ArrayList<T>();
      for (Future<T> future : pool.invokeAll(tasks)) {
        results.add(future.get());
      }
      return results;
    }
  }

  @Test
  void fiftyUsersLikingAtOnceCountFifty() throws Exception {
    List<User> users = signUp(50);
    String video = putVideo(users.get(0), "public", "ready");

    List<Visitor.Reply> replies =
        allAtOnce(
            users.stream()
                .<Callable<Visitor.Reply>>map(u -> () -> rate(u, video, "like"))
                .toList());

    assertThat(replies)
        .allSatisfy(reply -> assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200));
    assertThat(CONTRACT.validate("RatingResponse", replies.get(0).body())).isEmpty();
    assertThat(counter(videoRow(video), "likeCount")).isEqualTo(50);
    assertThat(counter(videoRow(video), "dislikeCount")).isZero();
  }

  @Test
  void oneUserTogglingTwentyTimesAtOnceLeavesCountsMatchingTheFinalRating() throws Exception {
    User user = signUp();
    String video = putVideo(user, "public", "ready");
    String[] values = {"like", "dislike", "none"};

    List<Visitor.Reply> replies = new ArrayList<>();
    var tasks = new ArrayList<Callable<Visitor.Reply>>();
    for (int i = 0; i < 20; i++) {
      String value = values[i % 3];
      tasks.add(() -> rate(user, video, value));
    }
    replies.addAll(allAtOnce(tasks));

    assertThat(replies)
        .allSatisfy(reply -> assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200));
    var rating =
        cloud
            .dynamoDb()
            .getItem(
                r ->
                    r.tableName(cloud.physicalName("EngagementTable"))
                        .key(Map.of("pk", s("USER#" + user.userId()), "sk", s("RATING#" + video)))
                        .consistentRead(true))
            .item();
    String finalValue = rating.isEmpty() ? "none" : rating.get("value").s();
    Map<String, AttributeValue> row = videoRow(video);
    assertThat(counter(row, "likeCount")).isEqualTo(finalValue.equals("like") ? 1 : 0);
    assertThat(counter(row, "dislikeCount")).isEqualTo(finalValue.equals("dislike") ? 1 : 0);

    Visitor.Reply cleared = rate(user, video, "none");
    assertThat(cleared.body().at("/data/likeCount").asLong()).isZero();
    assertThat(cleared.body().at("/data/dislikeCount").asLong()).isZero();
  }

  @Test
  void aStrangerCanNeitherCommentOnNorRateNorReadTheCommentsOfAPrivateVideo() {
    User owner = signUp();
    User stranger = signUp();
    String video = putVideo(owner, "private", "ready");

    Visitor.Reply commented = comment(stranger, video, "Let me in", null);
    Visitor.Reply rated = rate(stranger, video, "like");
    Visitor.Reply listed = stranger.visitor().get("/api/v1/videos/" + video + "/comments");

    assertThat(commented.status()).isEqualTo(404);
    assertThat(commented.code()).isEqualTo("VIDEO_NOT_FOUND");
    assertThat(rated.code()).isEqualTo("VIDEO_NOT_FOUND");
    assertThat(listed.code()).isEqualTo("VIDEO_NOT_FOUND");
    assertThat(counter(videoRow(video), "commentCount")).isZero();

    // the owner comments on their own private video, and reads it back
    assertThat(comment(owner, video, "Draft notes", null).status()).isEqualTo(201);
    assertThat(
            owner.visitor().get("/api/v1/videos/" + video + "/comments").body().at("/data").size())
        .isEqualTo(1);
  }

  @Test
  void deletingSomeoneElsesCommentIsForbiddenButTheVideosOwnerMay() {
    User owner = signUp();
    User alice = signUp();
    User bob = signUp();
    String video = putVideo(owner, "public", "ready");
    String byAlice = comment(alice, video, "Nice lathe", null).body().at("/data/id").asText();
    comment(bob, video, "Agreed", byAlice);

    Visitor.Reply byBob = bob.visitor().send("DELETE", "/api/v1/comments/" + byAlice, null, true);
    assertThat(byBob.status()).isEqualTo(403);
    assertThat(byBob.code()).isEqualTo("FORBIDDEN");
    assertThat(counter(videoRow(video), "commentCount")).isEqualTo(2);

    Visitor.Reply byOwner =
        owner.visitor().send("DELETE", "/api/v1/comments/" + byAlice, null, true);
    assertThat(byOwner.status()).isEqualTo(204);
    assertThat(counter(videoRow(video), "commentCount")).as("the comment and its reply").isZero();
    assertThat(alice.visitor().send("DELETE", "/api/v1/comments/" + byAlice, null, true).status())
        .isEqualTo(404);
  }

  @Test
  void aReplyToAReplyIsRefusedAtParentIdAndRepliesAreListedUnderTheirComment() {
    User owner = signUp();
    User alice = signUp();
    String video = putVideo(owner, "public", "ready");
    Visitor.Reply top = comment(alice, video, "Which chisel?", null);
    Visitor.Reply reply =
        comment(owner, video, "A spindle gouge", top.body().at("/data/id").asText());

    Visitor.Reply replyToReply =
        comment(alice, video, "Thanks!", reply.body().at("/data/id").asText());

    assertThat(CONTRACT.validate("CommentResponse", reply.body())).isEmpty();
    assertThat(replyToReply.status()).isEqualTo(400);
    assertThat(replyToReply.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(replyToReply.body().at("/error/details/issues/0/path").asText())
        .isEqualTo("/parentId");
    Visitor.Reply replies =
        new Visitor(cloud)
            .get("/api/v1/comments/" + top.body().at("/data/id").asText() + "/replies");
    assertThat(CONTRACT.validate("CommentListResponse", replies.body())).isEmpty();
    assertThat(replies.body().at("/data/0/text").asText()).isEqualTo("A spindle gouge");
    assertThat(replies.body().at("/data/0/parentId").asText())
        .isEqualTo(top.body().at("/data/id").asText());
    Visitor.Reply listed = new Visitor(cloud).get("/api/v1/videos/" + video + "/comments");
    assertThat(listed.body().at("/data").size()).as("replies are not top-level").isEqualTo(1);
    assertThat(listed.body().at("/data/0/replyCount").asLong()).isEqualTo(1);
    assertThat(counter(videoRow(video), "commentCount")).isEqualTo(2);
  }

  @Test
  void pagingThroughCommentsReturnsEveryCommentExactlyOnceInBothOrders() throws Exception {
    List<User> users = signUp(3);
    String video = putVideo(users.get(0), "public", "ready");
    Set<String> posted = new HashSet<>();
    for (User user : users) {
      for (int i = 0; i < 8; i++) {
        Visitor.Reply reply = comment(user, video, "Comment " + i + " <b>as-is</b>", null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        posted.add(reply.body().at("/data/id").asText());
      }
    }
    assertThat(counter(videoRow(video), "commentCount")).isEqualTo(24);

    for (String sort : List.of("newest", "top")) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        String path =
            "/api/v1/videos/"
                + video
                + "/comments?limit=5&sort="
                + sort
                + (cursor == null
                    ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        Visitor.Reply page = new Visitor(cloud).get(path);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        assertThat(CONTRACT.validate("CommentListResponse", page.body())).isEmpty();
        page.body().at("/data").forEach(c -> seen.add(c.path("id").asText()));
        JsonNode next = page.body().at("/meta/nextCursor");
        cursor = next.isMissingNode() || next.isNull() ? null : next.asText();
        pages++;
      } while (cursor != null);
      assertThat(seen).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(posted);
      assertThat(pages).isEqualTo(5);
    }
    Visitor.Reply first = new Visitor(cloud).get("/api/v1/videos/" + video + "/comments?limit=1");
    assertThat(first.body().at("/data/0/text").asText()).isEqualTo("Comment 7 <b>as-is</b>");
  }

  @Test
  void invalidBodiesAndQueriesAreValidationErrorsAtTheirPath() {
    User user = signUp();
    String video = putVideo(user, "public", "ready");

    assertIssue(rate(user, video, "love"), "/value");
    assertIssue(comment(user, video, "", null), "/text");
    assertIssue(
        comment(user, video, "x".repeat(CONTRACT.limits().comment().text().max() + 1), null),
        "/text");
    assertIssue(user.visitor().get("/api/v1/videos/" + video + "/comments?limit=0"), "/limit");
    assertIssue(
        user.visitor()
            .get(
                "/api/v1/videos/"
                    + video
                    + "/comments?limit="
                    + (CONTRACT.limits().pagination().maxPageSize() + 1)),
        "/limit");
    assertIssue(user.visitor().get("/api/v1/videos/" + video + "/comments?sort=best"), "/sort");
    assertIssue(
        user.visitor().get("/api/v1/videos/" + video + "/comments?cursor=bm9wZQ"), "/cursor");
    assertIssue(user.visitor().get("/api/v1/videos/bad.id/comments"), "/videoId");
    String id = comment(user, video, "ok", null).body().at("/data/id").asText();
    assertIssue(user.visitor().patch("/api/v1/comments/" + id, "{\"text\":\"\"}"), "/text");
  }

  @Test
  void theAuthorEditsTheirCommentAndNobodyElseCan() {
    User owner = signUp();
    User alice = signUp();
    String video = putVideo(owner, "public", "ready");
    String id = comment(alice, video, "Typo", null).body().at("/data/id").asText();

    Visitor.Reply byOwner =
        owner.visitor().patch("/api/v1/comments/" + id, "{\"text\":\"Mine now\"}");
    Visitor.Reply byAlice = alice.visitor().patch("/api/v1/comments/" + id, "{\"text\":\"Fixed\"}");

    assertThat(byOwner.status()).isEqualTo(403);
    assertThat(byAlice.status()).isEqualTo(200);
    assertThat(CONTRACT.validate("CommentResponse", byAlice.body())).isEmpty();
    assertThat(byAlice.body().at("/data/text").asText()).isEqualTo("Fixed");
    assertThat(byAlice.body().at("/data/editedAt").isTextual()).isTrue();
  }

  @Test
  void withoutASessionEveryChangeIsUnauthorizedButCommentsCanBeRead() {
    User owner = signUp();
    String video = putVideo(owner, "public", "ready");
    String id = comment(owner, video, "Hello", null).body().at("/data/id").asText();
    var anonymous = new Visitor(cloud);

    for (Visitor.Reply reply :
        List.of(
            anonymous.send(
                "PUT",
                "/api/v1/videos/" + video + "/rating",
                "{\"value\":\"like\"}",
                true,
                "theme=dark"),
            anonymous.send(
                "POST",
                "/api/v1/videos/" + video + "/comments",
                "{\"text\":\"hi\"}",
                true,
                "theme=dark"),
            anonymous.send(
                "PATCH", "/api/v1/comments/" + id, "{\"text\":\"hi\"}", true, "theme=dark"),
            anonymous.send("DELETE", "/api/v1/comments/" + id, null, true, "theme=dark"))) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
    }
    assertThat(
            anonymous
                .get("/api/v1/videos/" + video + "/comments")
                .body()
                .at("/data/0/text")
                .asText())
        .isEqualTo("Hello");
  }

  private static void assertIssue(Visitor.Reply reply, String path) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(reply.body().at("/error/details/issues/0/path").asText()).isEqualTo(path);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
