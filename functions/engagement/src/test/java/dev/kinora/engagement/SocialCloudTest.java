package dev.kinora.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Subscriptions and notifications end to end: the repository's template.yaml in the local cloud,
 * users signed up through the front door, videos moved to ready with the SDK the way transcode does
 * it, the VideosTable stream → VideoChangesFunction → NotificationFanOutQueue →
 * NotificationFanOutFunction, real DynamoDB transactions.
 */
@KinoraCloud
class SocialCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration PATIENCE = Duration.ofSeconds(240);

  private final LocalCloud cloud;

  SocialCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  private static String subscription(String channelId) {
    return "/api/v1/channels/" + channelId + "/subscription";
  }

  private static Visitor.Reply subscribe(Visitor who, String channelId, String notify) {
    return who.send("PUT", subscription(channelId), "{\"notify\":\"" + notify + "\"}", true);
  }

  private static Visitor.Reply unsubscribe(Visitor who, String channelId) {
    return who.send("DELETE", subscription(channelId), null, true);
  }

  private long subscriberCount(String channelId) {
    var row =
        cloud
            .dynamoDb()
            .getItem(
                r ->
                    r.tableName(cloud.physicalName("AccountsTable"))
                        .key(Map.of("pk", s("CHANNEL#" + channelId), "sk", s("CHANNEL")))
                        .consistentRead(true))
            .item();
    return row.containsKey("subscriberCount") ? Long.parseLong(row.get("subscriberCount").n()) : 0;
  }

  private long storedSubscriptions(String channelId) {
    // the test may read the index; request paths never scan
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page =
          cloud
              .dynamoDb()
              .query(
                  r ->
                      r.tableName(cloud.physicalName("EngagementTable"))
                          .indexName("SubscribersByChannel")
                          .keyConditionExpression("channelId = :c")
                          .expressionAttributeValues(Map.of(":c", s(channelId)))
                          .exclusiveStartKey(from));
      count += page.count();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return count;
  }

  /** A video row as uploads leaves it (processing), then moved to ready like transcode does. */
  private String putVideo(Visitor owner, String visibility, String status) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var item = new HashMap<String, AttributeValue>();
    item.put("id", s(id));
    item.put("ownerId", s(owner.userId()));
    item.put("channelId", s(owner.channelId()));
    item.put("title", s("Spoon carving, part " + id));
    item.put("description", s(""));
    item.put("tags", AttributeValue.fromL(List.of()));
    item.put("categories", AttributeValue.fromL(List.of()));
    item.put("visibility", s(visibility));
    item.put("status", s(status));
    item.put("createdAt", s("2026-11-25T12:00:00Z"));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(item));
    return id;
  }

  private void markReady(String videoId) {
    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", s(videoId)))
                    .updateExpression(
                        "SET #status = :ready, resolutions = :r, durationSeconds = :d,"
                            + " publishedAt = :p")
                    .conditionExpression("#status = :processing")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(
                        Map.of(
                            ":ready", s("ready"),
                            ":processing", s("processing"),
                            ":r", AttributeValue.fromL(List.of(s("360p"))),
                            ":d", AttributeValue.fromN("12"),
                            ":p", s("2026-11-25T12:05:00Z"))));
  }

  private void setVisibility(String videoId, String visibility) {
    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", s(videoId)))
                    .updateExpression("SET visibility = :v")
                    .expressionAttributeValues(Map.of(":v", s(visibility))));
  }

  /** Subscription items written straight into EngagementTable (fan-out needs no accounts). */
  private List<String> subscribeDirectly(String channelId, int count, String notify) {
    var users = new ArrayList<String>();
    var writes = new ArrayList<WriteRequest>();
    for (int i = 0; i < count; i++) {
      String user = "fan" + channelId.substring(0, 6) + notify.charAt(0) + i;
      users.add(user);
      writes.add(
          WriteRequest.builder()
              .putRequest(
                  PutRequest.builder()
                      .item(
                          Map.of(
                              "pk", s("USER#" + user),
                              "sk", s("SUB#" + channelId),
                              "channelId", s(channelId),
                              "subscriberId", s(user),
                              "notify", s(notify),
                              "createdAt", s("2026-11-25T11:00:00Z")))
                      .build())
              .build());
    }
    for (int from = 0; from < writes.size(); from += 25) {
      List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
      cloud
          .dynamoDb()
          .batchWriteItem(
              r -> r.requestItems(Map.of(cloud.physicalName("EngagementTable"), batch)));
    }
    return users;
  }

  private Map<String, AttributeValue> notification(String userId, String videoId) {
    return cloud
        .dynamoDb()
        .getItem(
            r ->
                r.tableName(cloud.physicalName("NotificationsTable"))
                    .key(Map.of("userId", s(userId), "videoId", s(videoId)))
                    .consistentRead(true))
        .item();
  }

  private long unread(String userId) {
    var item = notification(userId, "#UNREAD");
    return item.containsKey("unread") ? Long.parseLong(item.get("unread").n()) : 0;
  }

  /** Notifications of a video, counted (test only: a scan with a filter). */
  private long notificationsOf(String videoId) {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page =
          cloud
              .dynamoDb()
              .scan(
                  r ->
                      r.tableName(cloud.physicalName("NotificationsTable"))
                          .filterExpression("videoId = :v")
                          .expressionAttributeValues(Map.of(":v", s(videoId)))
                          .exclusiveStartKey(from));
      count += page.count();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return count;
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  /** Waits until {@code videoId} has at least {@code expected} notifications. */
  private void awaitNotified(String videoId, long expected) throws InterruptedException {
    await(videoId + " notified " + expected + " times", () -> notificationsOf(videoId) >= expected);
  }

  /**
   * Delivers a fan-out trigger again and waits until that whole second pass has run: a sentinel
   * subscriber whose id sorts after everyone else's (index SubscribersByChannel orders by
   * subscriberId) is added first, so its notification appears only when the last page is done.
   */
  private void redeliverAndAwait(String channelId, String videoId, Runnable trigger)
      throws InterruptedException {
    String sentinel = "zzzz" + Long.toHexString(RANDOM.nextLong());
    subscribeUser(sentinel, channelId, "all");
    trigger.run();
    await("the second pass to reach " + sentinel, () -> !notification(sentinel, videoId).isEmpty());
  }

  private void subscribeUser(String user, String channelId, String notify) {
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(cloud.physicalName("EngagementTable"))
                    .item(
                        Map.of(
                            "pk", s("USER#" + user),
                            "sk", s("SUB#" + channelId),
                            "channelId", s(channelId),
                            "subscriberId", s(user),
                            "notify", s(notify),
                            "createdAt", s("2026-11-25T11:00:00Z"))));
  }

  /** The stream record's event id that announced the video (its announcement item). */
  private String announcingRecord(String videoId) {
    var item = notification("VIDEO#" + videoId, "#ANNOUNCED");
    assertThat(item).as("the announcement of " + videoId).containsKey("publishId");
    return item.get("publishId").s();
  }

  /** The fan-out's first page once more, as SQS redelivers it. */
  private void resendFirstPage(String videoId, String channelId) {
    String publishId = announcingRecord(videoId);
    cloud
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(cloud.queueUrl("NotificationFanOutQueue"))
                    .messageBody(
                        Json.write(
                            new FanOutMessage(
                                FanOutMessage.Action.PUBLISH,
                                videoId,
                                channelId,
                                null,
                                publishId))));
  }

  /** The stream record of processing → ready once more, as Lambda redelivers a batch. */
  private void redeliverStreamRecord(String videoId, String channelId) {
    String eventId = announcingRecord(videoId);
    String image =
        "{\"id\":{\"S\":\"%s\"},\"channelId\":{\"S\":\"%s\"},\"visibility\":{\"S\":\"public\"},\"status\":{\"S\":\"%s\"}}";
    String event =
        "{\"Records\":[{\"eventID\":\""
            + eventId
            + "\",\"eventName\":\"MODIFY\",\"eventSource\":\"aws:dynamodb\","
            + "\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\""
            + videoId
            + "\"}},\"NewImage\":"
            + image.formatted(videoId, channelId, "ready")
            + ",\"OldImage\":"
            + image.formatted(videoId, channelId, "processing")
            + ",\"SequenceNumber\":\"1\",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}]}";
    assertThat(cloud.invoke("VideoChangesFunction", event))
        .isInstanceOf(dev.kinora.local.runtime.InvocationResult.Success.class);
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

  // ------------------------------------------------------------------ subscriptions

  @Test
  void subscribingIsAnUpsertAndOnlyTheFirstOneCounts() {
    Visitor creator = Visitor.signedUp(cloud);
    Visitor fan = Visitor.signedUp(cloud);

    Visitor.Reply before = fan.get(subscription(creator.channelId()));
    Visitor.Reply first = subscribe(fan, creator.channelId(), "all");
    Visitor.Reply quieter = subscribe(fan, creator.channelId(), "none");
    Visitor.Reply state = fan.get(subscription(creator.channelId()));

    assertThat(before.status()).isEqualTo(200);
    assertThat(before.data().path("subscribed").asBoolean()).isFalse();
    assertThat(CONTRACT.validate("SubscriptionResponse", before.body())).isEmpty();
    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.data().path("subscriberCount").asLong()).isEqualTo(1);
    assertThat(quieter.data().path("notify").asText()).isEqualTo("none");
    assertThat(quieter.data().path("subscriberCount").asLong()).isEqualTo(1);
    assertThat(state.data().path("notify").asText()).isEqualTo("none");
    assertThat(CONTRACT.validate("SubscriptionResponse", state.body())).isEmpty();
    // the channel page reads the same count (accounts' GET /channels/{handle})
    assertThat(
            fan.get("/api/v1/channels/" + creator.handle()).data().path("subscriberCount").asLong())
        .isEqualTo(1);

    Visitor.Reply mine = fan.get("/api/v1/me/subscriptions");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(CONTRACT.validate("SubscribedChannelListResponse", mine.body())).isEmpty();
    assertThat(mine.data().get(0).at("/channel/id").asText()).isEqualTo(creator.channelId());

    Visitor.Reply gone = unsubscribe(fan, creator.channelId());
    Visitor.Reply goneAgain = unsubscribe(fan, creator.channelId());
    assertThat(gone.data().path("subscribed").asBoolean()).isFalse();
    assertThat(goneAgain.data().path("subscriberCount").asLong()).isZero();
    assertThat(subscriberCount(creator.channelId())).isZero();
  }

  @Test
  void ownChannelUnknownChannelAndBadBodiesAreRefusedWithTheirCodes() {
    Visitor creator = Visitor.signedUp(cloud);

    Visitor.Reply own = subscribe(creator, creator.channelId(), "all");
    Visitor.Reply unknown = subscribe(creator, "NoSuchChannel0000000", "all");
    Visitor.Reply badPreference = subscribe(creator, "NoSuchChannel0000000", "loud");
    Visitor.Reply badId = creator.get(subscription("no..such..id"));

    assertThat(own.status()).isEqualTo(400);
    assertThat(own.code()).isEqualTo("INVALID_INPUT");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("CHANNEL_NOT_FOUND");
    assertThat(badPreference.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(badPreference.body().at("/error/details/issues/0/path").asText())
        .isEqualTo("/notify");
    assertThat(badId.body().at("/error/details/issues/0/path").asText()).isEqualTo("/channelId");
    assertThat(subscriberCount(creator.channelId())).isZero();

    Visitor anonymous = new Visitor(cloud);
    assertThat(subscribe(anonymous, creator.channelId(), "all").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/v1/notifications").status()).isEqualTo(401);
  }

  @Test
  void concurrentSubscribesAndUnsubscribesLeaveTheExactCount() throws Exception {
    Visitor creator = Visitor.signedUp(cloud);
    var fans = new ArrayList<Visitor>();
    for (int i = 0; i < 8; i++) {
      fans.add(Visitor.signedUp(cloud));
    }
    var tasks = new ArrayList<Callable<Visitor.Reply>>();
    for (Visitor fan : fans) {
      // each fan: subscribe, change preference, unsubscribe, subscribe again, all at once
      tasks.add(() -> subscribe(fan, creator.channelId(), "all"));
      tasks.add(() -> subscribe(fan, creator.channelId(), "none"));
      tasks.add(() -> unsubscribe(fan, creator.channelId()));
      tasks.add(() -> subscribe(fan, creator.channelId(), "personalized"));
    }

    List<Visitor.Reply> replies = allAtOnce(tasks);

    assertThat(replies)
        .allSatisfy(reply -> assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200));
    long stored = storedSubscriptions(creator.channelId());
    assertThat(subscriberCount(creator.channelId())).isEqualTo(stored);
    long subscribedNow =
        fans.stream()
            .filter(
                f -> f.get(subscription(creator.channelId())).data().path("subscribed").asBoolean())
            .count();
    assertThat(subscribedNow).isEqualTo(stored);
  }

  // ------------------------------------------------------------------ notifications

  @Test
  void aThousandSubscribersGetExactlyOneNotificationEachEvenWhenTheTriggerArrivesTwice()
      throws Exception {
    Visitor creator = Visitor.signedUp(cloud);
    Visitor reader = Visitor.signedUp(cloud);
    assertThat(subscribe(reader, creator.channelId(), "all").status()).isEqualTo(200);
    List<String> fans = subscribeDirectly(creator.channelId(), 999, "all");
    List<String> quiet = subscribeDirectly(creator.channelId(), 20, "none");
    List<String> picky = subscribeDirectly(creator.channelId(), 20, "personalized");
    String video = putVideo(creator, "public", "processing");

    markReady(video);
    awaitNotified(video, 1000);

    assertThat(notificationsOf(video)).isEqualTo(1000);
    Visitor.Reply listed = reader.get("/api/v1/notifications");
    assertThat(CONTRACT.validate("NotificationListResponse", listed.body()))
        .as(listed.body().toString())
        .isEmpty();
    assertThat(listed.body().at("/meta/unreadCount").asLong()).isEqualTo(1);
    assertThat(listed.data().get(0).path("id").asText()).isEqualTo(video);
    assertThat(listed.data().get(0).at("/channel/id").asText()).isEqualTo(creator.channelId());
    Visitor.Reply read = reader.post("/api/v1/notifications/" + video + "/read", "{}");
    assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
    assertThat(read.data().path("unreadCount").asLong()).isZero();

    // the trigger twice more: the fan-out's first page redelivered, and the stream record
    redeliverAndAwait(
        creator.channelId(), video, () -> resendFirstPage(video, creator.channelId()));
    redeliverAndAwait(
        creator.channelId(), video, () -> redeliverStreamRecord(video, creator.channelId()));

    assertThat(notificationsOf(video)).as("1000 subscribers and the two sentinels").isEqualTo(1002);
    for (String fan : List.of(fans.get(0), fans.get(500), fans.get(998))) {
      assertThat(unread(fan)).as(fan).isEqualTo(1);
    }
    assertThat(quiet).allSatisfy(user -> assertThat(notification(user, video)).isEmpty());
    assertThat(picky).allSatisfy(user -> assertThat(notification(user, video)).isEmpty());
    JsonNode after = reader.get("/api/v1/notifications").body();
    assertThat(after.at("/meta/unreadCount").asLong()).as("still read").isZero();
    assertThat(after.at("/data/0/read").asBoolean()).isTrue();
  }

  @Test
  void aRedeliveredPageKeepsAReadNotificationRead() throws Exception {
    Visitor creator = Visitor.signedUp(cloud);
    Visitor reader = Visitor.signedUp(cloud);
    subscribe(reader, creator.channelId(), "all");
    String video = putVideo(creator, "public", "processing");
    markReady(video);
    awaitNotified(video, 1);
    reader.post("/api/v1/notifications/read-all", "{}");

    redeliverAndAwait(
        creator.channelId(), video, () -> resendFirstPage(video, creator.channelId()));

    JsonNode listed = reader.get("/api/v1/notifications").body();
    assertThat(listed.at("/meta/unreadCount").asLong()).isZero();
    assertThat(listed.at("/data/0/read").asBoolean()).isTrue();
    assertThat(listed.at("/data").size()).isEqualTo(1);
  }

  @Test
  void aPrivateVideoNotifiesNobodyUntilItIsMadePublic() throws Exception {
    Visitor creator = Visitor.signedUp(cloud);
    Visitor fan = Visitor.signedUp(cloud);
    subscribe(fan, creator.channelId(), "all");
    String video = putVideo(creator, "private", "processing");

    markReady(video);
    String other = putVideo(creator, "public", "processing");
    markReady(other);
    awaitNotified(other, 1); // the later change's fan-out ran, so the private one's would have too

    assertThat(notificationsOf(video)).isZero();
    assertThat(fan.get("/api/v1/notifications").data().size()).isEqualTo(1);

    setVisibility(video, "public");
    awaitNotified(video, 1);
    Visitor.Reply listed = fan.get("/api/v1/notifications");
    assertThat(listed.body().at("/meta/unreadCount").asLong()).isEqualTo(2);

    // made private again: the notification disappears from the list with its unread count
    setVisibility(video, "private");
    await("the withdrawal", () -> unread(fan.userId()) == 1);
    listed = fan.get("/api/v1/notifications");
    assertThat(listed.data().size()).isEqualTo(1);
    assertThat(listed.data().get(0).path("id").asText()).isEqualTo(other);
    assertThat(listed.body().at("/meta/unreadCount").asLong()).isEqualTo(1);

    // and public once more: not news (YouTube notifies on the first publish only), not even to a
    // subscriber who came meanwhile; the first notification is listed again, read
    Visitor late = Visitor.signedUp(cloud);
    subscribe(late, creator.channelId(), "all");
    String createdAt = notification(fan.userId(), video).get("createdAt").s();
    setVisibility(video, "public");
    String third = putVideo(creator, "public", "processing");
    markReady(third);
    awaitNotified(third, 2); // the later change's fan-out ran, so this one's would have too

    listed = fan.get("/api/v1/notifications");
    assertThat(listed.body().at("/meta/unreadCount").asLong())
        .as("the other and the third")
        .isEqualTo(2);
    assertThat(listed.data().size()).isEqualTo(3);
    assertThat(notificationsOf(video)).isEqualTo(1);
    assertThat(notification(fan.userId(), video).get("createdAt").s()).isEqualTo(createdAt);
    assertThat(notification(fan.userId(), video)).doesNotContainKey("unreadOf");
    assertThat(notification(late.userId(), video)).isEmpty();
  }

  @Test
  void nobodyElseCanReadOrMarkYourNotifications() throws Exception {
    Visitor creator = Visitor.signedUp(cloud);
    Visitor fan = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    subscribe(fan, creator.channelId(), "all");
    String video = putVideo(creator, "public", "processing");
    markReady(video);
    awaitNotified(video, 1);

    Visitor.Reply peek = stranger.get("/api/v1/notifications");
    Visitor.Reply mark = stranger.post("/api/v1/notifications/" + video + "/read", "{}");
    Visitor.Reply markAll = stranger.post("/api/v1/notifications/read-all", "{}");

    assertThat(peek.data().size()).isZero();
    assertThat(peek.body().at("/meta/unreadCount").asLong()).isZero();
    assertThat(mark.status()).isEqualTo(404);
    assertThat(mark.code()).isEqualTo("NOT_FOUND");
    assertThat(markAll.data().path("unreadCount").asLong()).isZero();
    assertThat(unread(fan.userId())).isEqualTo(1);
    assertThat(notification(fan.userId(), video)).containsKey("unreadOf");
  }

  @Test
  void theUploadsFeedListsSubscribedChannelsPublicReadyVideosNewestFirst() throws Exception {
    Visitor first = Visitor.signedUp(cloud);
    Visitor second = Visitor.signedUp(cloud);
    Visitor fan = Visitor.signedUp(cloud);
    subscribe(fan, first.channelId(), "none");
    subscribe(fan, second.channelId(), "none");
    String a = putVideo(first, "public", "processing");
    markReady(a);
    String hidden = putVideo(second, "private", "processing");
    markReady(hidden);
    String b = putVideo(second, "public", "processing");
    markReady(b);
    putVideo(second, "public", "processing");

    var ids = new ArrayList<String>();
    String cursor = null;
    do {
      String query = cursor == null ? "?limit=1" : "?limit=1&cursor=" + cursor;
      Visitor.Reply page = fan.get("/api/v1/me/subscriptions/videos" + query);
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      assertThat(CONTRACT.validate("VideoCardListResponse", page.body())).isEmpty();
      page.data().forEach(card -> ids.add(card.at("/video/id").asText()));
      cursor = page.body().at("/meta/nextCursor").asText(null);
    } while (cursor != null);

    assertThat(ids).containsExactlyInAnyOrder(a, b);
    assertThat(fan.get("/api/v1/me/subscriptions/videos?cursor=bm9wZQ").code())
        .isEqualTo("VALIDATION_ERROR");
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
