package dev.kinora.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.Admins;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.discovery.ViewBuckets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Discovery end to end: the repository's template.yaml in the local cloud, videos written into
 * VideosTable the way the pipeline leaves them, views counted through the real videos function (or
 * written into their hourly buckets for hours in the past), the trending job fired as its schedule
 * would, and every list read through the front door. Trending is global to the shared cloud, so
 * each test names its own videos by unique categories and tags and asserts on their order only.
 */
@KinoraCloud
class DiscoveryCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private static final ViewBuckets BUCKETS = ViewBuckets.fromContract(CONTRACT);

  private final LocalCloud cloud;

  DiscoveryCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  // ------------------------------------------------------------------------------ helpers

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** {@code views} views of {@code videoId} in the hour {@code ago} before now. */
  private void viewsInBucket(String videoId, Duration ago, long views) {
    Instant at = Instant.now().minus(ago);
    var item = new HashMap<>(BUCKETS.key(videoId, at));
    item.put("views", AttributeValue.fromN(Long.toString(views)));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(BUCKETS.expiresAt(at))));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("DiscoveryTable")).item(item));
  }

  /**
   * Fires the job as its schedule would. On a loaded machine the first invocation can time out
   * while the function initialises (the local cloud enforces the template's 10 s init limit); a
   * schedule simply fires again, and so does this, once.
   */
  private void runTrendingJob() throws Exception {
    for (int attempt = 1; ; attempt++) {
      String result = cloud.triggers().find("TrendingFunction").orElseThrow().fire();
      System.out.println("[discovery] trending job: " + result);
      boolean succeeded = result.contains("\"status\":\"succeeded\"");
      if (succeeded || attempt == 2) {
        assertThat(succeeded).as(result).isTrue();
        return;
      }
    }
  }

  private void subscribe(Visitor subscriber, Visitor channelOwner) {
    // the engagement context's subscription item, exactly as it writes it (PREAMBLE shape)
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(cloud.physicalName("EngagementTable"))
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS("USER#" + subscriber.userId()),
                            "sk", AttributeValue.fromS("SUB#" + channelOwner.channelId()),
                            "channelId", AttributeValue.fromS(channelOwner.channelId()),
                            "subscriberId", AttributeValue.fromS(subscriber.userId()),
                            "notify", AttributeValue.fromS("all"),
                            "createdAt", AttributeValue.fromS(Instant.now().toString()))));
  }

  private static List<String> ids(Visitor.Reply reply) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    assertThat(CONTRACT.validate("VideoCardListResponse", reply.body())).isEmpty();
    var ids = new ArrayList<String>();
    reply.data().forEach(card -> ids.add(card.at("/video/id").asText()));
    return ids;
  }

  /** Every page of a list, following {@code meta.nextCursor}. */
  private static List<String> allPages(Visitor visitor, String path, int limit) {
    var ids = new ArrayList<String>();
    String cursor = null;
    for (int page = 0; page < 100; page++) {
      String separator = path.contains("?") ? "&" : "?";
      Visitor.Reply reply =
          visitor.get(
              path
                  + separator
                  + "limit="
                  + limit
                  + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      ids.addAll(ids(reply));
      JsonNode next = reply.body().at("/meta/nextCursor");
      if (next.isMissingNode() || next.isNull()) {
        return ids;
      }
      cursor = next.asText();
    }
    throw new AssertionError("more than 100 pages of " + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void assertValidation(Visitor.Reply reply, String path) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(reply.body().at("/error/details/issues/0/path").asText()).isEqualTo(path);
  }

  // ------------------------------------------------------------------------------ trending

  @Test
  void aFreshBurstOfViewsOutranksALargerOldTotal() throws Exception {
    Visitor owner = Visitor.signedUp(cloud);
    String category = unique("burst");
    String old =
        VideoRows.ready(cloud, owner)
            .title("Old favourite")
            .categories(category)
            .viewCount(5000)
            .likeCount(300)
            .createdAt(Instant.now().minus(Duration.ofDays(30)))
            .put();
    String fresh =
        VideoRows.ready(cloud, owner)
            .title("Fresh burst")
            .categories(category)
            .createdAt(Instant.now().minus(Duration.ofHours(3)))
            .put();
    viewsInBucket(old, Duration.ofHours(40), 500);
    viewsInBucket(fresh, Duration.ZERO, 20);
    // and one view through the real videos function: it lands in the current hour's bucket
    Visitor viewer = new Visitor(cloud);
    Visitor.Reply view =
        viewer.send("POST", "/api/v1/videos/" + fresh + "/views", "{\"watchedSeconds\":60}");
    assertThat(view.status()).as(view.raw().body()).isEqualTo(200);
    assertThat(view.data().path("counted").asBoolean()).isTrue();
    var bucket =
        cloud
            .dynamoDb()
            .getItem(
                r ->
                    r.tableName(cloud.physicalName("DiscoveryTable"))
                        .key(BUCKETS.key(fresh, Instant.now()))
                        .consistentRead(true))
            .item();
    assertThat(bucket.get("views").n()).isEqualTo("21");

    runTrendingJob();

    List<String> inCategory = ids(viewer.get("/api/v1/trending?category=" + category));
    assertThat(inCategory).containsExactly(fresh, old);
    List<String> overall = allPages(viewer, "/api/v1/trending", 50);
    assertThat(overall).contains(fresh, old);
    assertThat(overall.indexOf(fresh)).isLessThan(overall.indexOf(old));
    // the category is listed for the chips, case-insensitively readable
    assertThat(viewer.get("/api/v1/trending/categories").data().toString()).contains(category);
    assertThat(ids(viewer.get("/api/v1/trending?category=" + category.toUpperCase())))
        .containsExactly(fresh, old);
  }

  // ------------------------------------------------------------------------------ visibility

  @Test
  void privateUnlistedAndProcessingVideosAreNeverListedAnywhere() throws Exception {
    Visitor owner = Visitor.signedUp(cloud);
    String category = unique("hidden");
    String tag = unique("tag");
    String listed =
        VideoRows.ready(cloud, owner).title("Listed").categories(category).tags(tag).put();
    String privateOne =
        VideoRows.ready(cloud, owner).visibility("private").categories(category).tags(tag).put();
    String unlisted =
        VideoRows.ready(cloud, owner).visibility("unlisted").categories(category).tags(tag).put();
    String processing =
        VideoRows.ready(cloud, owner).status("processing").categories(category).tags(tag).put();
    List<String> hidden = List.of(privateOne, unlisted, processing);
    for (String id : List.of(listed, privateOne, unlisted, processing)) {
      viewsInBucket(id, Duration.ZERO, 10_000); // would top every list if it were listed
    }
    // a popular tab candidate too: viewed rows sit in ByChannelPopular
    for (String id : hidden) {
      cloud
          .dynamoDb()
          .updateItem(
              r ->
                  r.tableName(cloud.physicalName("VideosTable"))
                      .key(Map.of("id", AttributeValue.fromS(id)))
                      .updateExpression("ADD viewCount :n")
                      .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("10000"))));
    }
    runTrendingJob();

    Visitor stranger = new Visitor(cloud);
    Visitor subscriber = Visitor.signedUp(cloud);
    subscribe(subscriber, owner);
    Map<String, List<String>> lists = new HashMap<>();
    lists.put("trending", ids(stranger.get("/api/v1/trending?limit=50")));
    lists.put("trending by category", ids(stranger.get("/api/v1/trending?category=" + category)));
    lists.put("anonymous feed", ids(stranger.get("/api/v1/feed?limit=50")));
    lists.put("subscriber feed", allPages(subscriber, "/api/v1/feed", 50));
    lists.put(
        "channel latest",
        allPages(stranger, "/api/v1/channels/@" + owner.handle() + "/videos", 10));
    lists.put(
        "channel popular",
        allPages(stranger, "/api/v1/channels/" + owner.channelId() + "/videos?sort=popular", 10));
    lists.put("related", ids(stranger.get("/api/v1/videos/" + listed + "/related")));
    lists.put("owner's related", ids(owner.get("/api/v1/videos/" + listed + "/related")));

    lists.forEach((name, ids) -> assertThat(ids).as(name).doesNotContainAnyElementsOf(hidden));
    for (String name :
        List.of(
            "trending",
            "trending by category",
            "anonymous feed",
            "subscriber feed",
            "channel latest",
            "channel popular")) {
      assertThat(lists.get(name)).as(name).contains(listed);
    }
    assertThat(lists.get("related")).as("related").doesNotContain(listed);
  }

  @Test
  void theRelatedListOfAPrivateVideoIsNotFoundForStrangersAndShownToItsOwner() {
    Visitor owner = Visitor.signedUp(cloud);
    String category = unique("rel");
    String secret = VideoRows.ready(cloud, owner).visibility("private").categories(category).put();
    String sibling = VideoRows.ready(cloud, owner).categories(category).put();

    Visitor.Reply stranger = new Visitor(cloud).get("/api/v1/videos/" + secret + "/related");
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.code()).isEqualTo("VIDEO_NOT_FOUND");
    Visitor.Reply other = Visitor.signedUp(cloud).get("/api/v1/videos/" + secret + "/related");
    assertThat(other.code()).isEqualTo("VIDEO_NOT_FOUND");
    assertThat(ids(owner.get("/api/v1/videos/" + secret + "/related")))
        .contains(sibling)
        .doesNotContain(secret);
    assertThat(new Visitor(cloud).get("/api/v1/videos/Nn0SuchVid1/related").code())
        .isEqualTo("VIDEO_NOT_FOUND");
  }

  @Test
  void anAdminReviewingABlockedVideoGetsItsRelatedListAndNobodyElseFindsIt() {
    Visitor owner = Visitor.signedUp(cloud);
    String category = unique("blk");
    String blocked = VideoRows.ready(cloud, owner).status("blocked").categories(category).put();
    String sibling = VideoRows.ready(cloud, owner).categories(category).put();

    assertThat(new Visitor(cloud).get("/api/v1/videos/" + blocked + "/related").code())
        .isEqualTo("VIDEO_NOT_FOUND");
    assertThat(Visitor.signedUp(cloud).get("/api/v1/videos/" + blocked + "/related").code())
        .isEqualTo("VIDEO_NOT_FOUND");
    assertThat(ids(Admins.signedUp(cloud).get("/api/v1/videos/" + blocked + "/related")))
        .contains(sibling)
        .doesNotContain(blocked);
  }

  @Test
  void relatedVideosPutTheSameChannelAndSharedTagsFirstAndNeverTheVideoItself() throws Exception {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor otherOwner = Visitor.signedUp(cloud);
    String category = unique("woodwork");
    String tag = unique("lathe");
    String subject = VideoRows.ready(cloud, owner).categories(category).tags(tag).put();
    String sameChannel = VideoRows.ready(cloud, owner).title("Sharpening").put();
    String sharedTags = VideoRows.ready(cloud, otherOwner).categories(category).tags(tag).put();
    String unrelated = VideoRows.ready(cloud, otherOwner).categories(unique("other")).put();
    for (String id : List.of(subject, sameChannel, sharedTags, unrelated)) {
      viewsInBucket(id, Duration.ZERO, 3);
    }
    viewsInBucket(unrelated, Duration.ZERO, 1_000_000); // top of overall trending, still last
    runTrendingJob();

    List<String> related = ids(new Visitor(cloud).get("/api/v1/videos/" + subject + "/related"));

    assertThat(related).doesNotContain(subject).contains(sameChannel, sharedTags);
    assertThat(related.indexOf(sameChannel)).isLessThan(2);
    assertThat(related.indexOf(sharedTags)).isLessThan(2);
    if (related.contains(unrelated)) {
      assertThat(related.indexOf(unrelated)).isGreaterThan(1);
    }
    assertThat(related.size())
        .isLessThanOrEqualTo(CONTRACT.limitsValue("discovery.related.maxItems").intValue());
  }

  // ------------------------------------------------------------------------------ feed

  @Test
  void theFeedOfANewUserIsTrending() throws Exception {
    Visitor owner = Visitor.signedUp(cloud);
    viewsInBucket(VideoRows.ready(cloud, owner).put(), Duration.ZERO, 7);
    viewsInBucket(VideoRows.ready(cloud, owner).put(), Duration.ofHours(5), 30);
    runTrendingJob();
    Visitor newcomer = Visitor.signedUp(cloud);

    List<String> feed = ids(newcomer.get("/api/v1/feed?limit=50"));
    List<String> trending = ids(newcomer.get("/api/v1/trending?limit=50"));
    List<String> anonymous = ids(new Visitor(cloud).get("/api/v1/feed?limit=50"));

    assertThat(trending).isNotEmpty();
    assertThat(feed).isEqualTo(trending);
    assertThat(anonymous).isEqualTo(trending);
  }

  @Test
  void theFeedOfASubscriberStartsWithTheSubscriptionsNewUploadAndSkipsWhatTheyWatchedToTheEnd()
      throws Exception {
    Visitor creator = Visitor.signedUp(cloud);
    Visitor fan = Visitor.signedUp(cloud);
    String older =
        VideoRows.ready(cloud, creator).createdAt(Instant.now().minus(Duration.ofDays(2))).put();
    String newest =
        VideoRows.ready(cloud, creator)
            .createdAt(Instant.now().minus(Duration.ofMinutes(20)))
            .put();
    String finished =
        VideoRows.ready(cloud, creator).createdAt(Instant.now().minus(Duration.ofHours(1))).put();
    subscribe(fan, creator);
    Visitor.Reply progress =
        fan.send(
            "PUT",
            "/api/v1/videos/" + finished + "/progress",
            "{\"position\":100,\"duration\":100}");
    assertThat(progress.status()).as(progress.raw().body()).isEqualTo(200);

    List<String> feed = allPages(fan, "/api/v1/feed", 2);

    assertThat(feed.getFirst()).isEqualTo(newest);
    assertThat(feed).contains(older).doesNotContain(finished);
    assertThat(feed).doesNotHaveDuplicates();
    // a cursor belongs to its viewer's feed
    Visitor.Reply first = fan.get("/api/v1/feed?limit=1");
    String cursor = first.body().at("/meta/nextCursor").asText();
    assertValidation(
        Visitor.signedUp(cloud).get("/api/v1/feed?cursor=" + encode(cursor)), "/cursor");
  }

  // ------------------------------------------------------------------------------ channel lists

  @Test
  void aChannelsVideosPageLatestFirstOrMostViewedFirstThenTheUnviewed() {
    Visitor owner = Visitor.signedUp(cloud);
    Instant base = Instant.now().minus(Duration.ofDays(10));
    String a = VideoRows.ready(cloud, owner).createdAt(base).viewCount(50).put();
    String b = VideoRows.ready(cloud, owner).createdAt(base.plusSeconds(3600)).viewCount(500).put();
    String c = VideoRows.ready(cloud, owner).createdAt(base.plusSeconds(7200)).put();
    String d = VideoRows.ready(cloud, owner).createdAt(base.plusSeconds(9000)).viewCount(5).put();
    String e = VideoRows.ready(cloud, owner).createdAt(base.plusSeconds(10_000)).put();
    VideoRows.ready(cloud, owner).visibility("private").createdAt(base.plusSeconds(5000)).put();
    Visitor anyone = new Visitor(cloud);

    assertThat(allPages(anyone, "/api/v1/channels/@" + owner.handle() + "/videos", 2))
        .containsExactly(e, d, c, b, a);
    assertThat(allPages(anyone, "/api/v1/channels/" + owner.handle() + "/videos?sort=popular", 2))
        .containsExactly(b, a, d, e, c);
    Visitor.Reply unknown = anyone.get("/api/v1/channels/@nobody-" + unique("x") + "/videos");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("CHANNEL_NOT_FOUND");
  }

  // ------------------------------------------------------------------------------ validation

  @Test
  void badParametersAreValidationErrors() {
    Visitor owner = Visitor.signedUp(cloud);
    VideoRows.ready(cloud, owner).put();
    VideoRows.ready(cloud, owner).put();
    String channel = "/api/v1/channels/@" + owner.handle() + "/videos";
    Visitor anyone = new Visitor(cloud);

    assertValidation(anyone.get(channel + "?sort=oldest"), "/sort");
    assertValidation(anyone.get(channel + "?limit=0"), "/limit");
    assertValidation(anyone.get(channel + "?limit=51"), "/limit");
    assertValidation(anyone.get(channel + "?cursor=not-a-cursor"), "/cursor");
    assertValidation(anyone.get("/api/v1/trending?category="), "/category");
    assertValidation(anyone.get("/api/v1/trending?category=" + "x".repeat(41)), "/category");
    assertValidation(anyone.get("/api/v1/trending?cursor=%7B%7D"), "/cursor");
    assertValidation(anyone.get("/api/v1/feed?limit=abc"), "/limit");
    assertValidation(anyone.get("/api/v1/videos/not..a..video..id/related"), "/videoId");
    // a cursor of one list handed to another
    String channelCursor = anyone.get(channel + "?limit=1").body().at("/meta/nextCursor").asText();
    assertThat(channelCursor).isNotEmpty();
    assertValidation(
        anyone.get(channel + "?sort=popular&cursor=" + encode(channelCursor)), "/cursor");
    assertValidation(anyone.get("/api/v1/trending?cursor=" + encode(channelCursor)), "/cursor");
  }
}
