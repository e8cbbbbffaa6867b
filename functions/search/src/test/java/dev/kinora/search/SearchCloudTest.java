package dev.kinora.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.listing.ChannelItems;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Search end to end: the repository's template.yaml in the local cloud, rows written into
 * VideosTable (and a channel into AccountsTable) as the pipeline leaves them, the VideosTable
 * stream feeding the real indexer, the index published to the local S3 and picked up by the search
 * function, requests through the front door. Each test uses words of its own, so the tests share
 * one cloud without seeing each other's videos.
 */
@KinoraCloud
class SearchCloudTest {
  private static final Contract CONTRACT = Contract.load();

  /** The indexer's batching window plus the search function's refresh interval, with slack. */
  private static final Duration INDEXED_WITHIN = Duration.ofSeconds(60);

  private final LocalCloud cloud;
  private final String ownerId = "usr_" + VideoRows.newVideoId();
  private final String channelId = "ch_" + VideoRows.newVideoId();
  private final Visitor anonymous;

  /**
   * The owner's channel is written as accounts leaves it (search reads it for the cards): search
   * needs no session, so the accounts function stays off this test's path.
   */
  SearchCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
    this.anonymous = new Visitor(cloud);
    var channel = new java.util.HashMap<>(ChannelItems.key(channelId));
    channel.put("id", AttributeValue.fromS(channelId));
    channel.put(
        "handle",
        AttributeValue.fromS(
            "maker" + channelId.substring(3, 9).toLowerCase(java.util.Locale.ROOT)));
    channel.put("name", AttributeValue.fromS("Maker"));
    channel.put("subscriberCount", AttributeValue.fromN("0"));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("AccountsTable")).item(channel));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Visitor.Reply search(String query) {
    Visitor.Reply reply = anonymous.get("/api/v1/search?" + query);
    if (reply.status() == 200) {
      assertThat(CONTRACT.validate("VideoCardListResponse", reply.body())).isEmpty();
    }
    return reply;
  }

  private List<String> ids(String query) {
    Visitor.Reply reply = search(query);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return StreamSupport.stream(reply.data().spliterator(), false)
        .map(card -> card.at("/video/id").asText())
        .toList();
  }

  private List<String> suggestions(String typed) {
    Visitor.Reply reply = anonymous.get("/api/v1/search/suggestions?q=" + encode(typed));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    assertThat(CONTRACT.validate("SearchSuggestionList", reply.body())).isEmpty();
    return StreamSupport.stream(reply.data().spliterator(), false).map(JsonNode::asText).toList();
  }

  /** Polls a search until the condition holds: indexing is asynchronous by design. */
  private List<String> eventually(String query, Predicate<List<String>> condition) {
    Instant deadline = Instant.now().plus(INDEXED_WITHIN);
    List<String> found = ids(query);
    while (!condition.test(found) && Instant.now().isBefore(deadline)) {
      sleep();
      found = ids(query);
    }
    assertThat(condition).as("search %s found %s", query, found).accepts(found);
    return found;
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private VideoRows video(String title) {
    return VideoRows.ready(cloud, ownerId, channelId).title(title);
  }

  private void update(String id, String attribute, String value) {
    cloud
        .dynamoDb()
        .updateItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET #a = :v")
                    .expressionAttributeNames(Map.of("#a", attribute))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
  }

  @Test
  void privateUnlistedAndUnfinishedVideosNeverAppearAndAVideoMadePrivateDisappears() {
    String shown = video("Marmalade from bitter oranges").put();
    String hidden = video("Marmalade private batch").visibility("private").put();
    String unlisted = video("Marmalade unlisted batch").visibility("unlisted").put();
    String processing = video("Marmalade still processing").status("processing").put();
    String failed = video("Marmalade failed upload").status("failed").put();

    List<String> found = eventually("q=marmalade", ids -> ids.contains(shown));
    assertThat(found).containsExactly(shown).doesNotContain(hidden, unlisted, processing, failed);
    assertThat(suggestions("marma")).containsExactly("Marmalade from bitter oranges");

    update(shown, "visibility", "private");

    // The read-time guard hides it at once; the index drops it on the next generation.
    assertThat(ids("q=marmalade")).isEmpty();
    eventually("q=marmalade", List::isEmpty);
    Instant deadline = Instant.now().plus(INDEXED_WITHIN);
    while (!suggestions("marma").isEmpty() && Instant.now().isBefore(deadline)) {
      sleep();
    }
    assertThat(suggestions("marma")).isEmpty();
  }

  @Test
  void aTypoFindsTheVideo() {
    String trending = video("What is trending in woodworking").put();
    video("Wood glue compared").put();

    eventually("q=tranding", ids -> ids.equals(List.of(trending)));
    assertThat(ids("q=" + encode("woodworking trend"))).containsExactly(trending);
  }

  @Test
  void eachFilterNarrowsTheResults() {
    Instant now = Instant.now();
    String recentShort =
        video("Origami crane")
            .durationSeconds(90)
            .categories("Crafts")
            .createdAt(now.minusSeconds(1200))
            .put();
    String weekMedium =
        video("Origami boat")
            .durationSeconds(600)
            .categories("Crafts")
            .createdAt(now.minus(Duration.ofDays(3)))
            .put();
    String oldLong =
        video("Origami dragon")
            .durationSeconds(3000)
            .categories("Education")
            .createdAt(now.minus(Duration.ofDays(90)))
            .put();
    eventually("q=origami", ids -> ids.size() == 3);

    assertThat(ids("q=origami&uploadDate=hour")).containsExactly(recentShort);
    assertThat(ids("q=origami&uploadDate=week")).containsExactlyInAnyOrder(recentShort, weekMedium);
    assertThat(ids("q=origami&uploadDate=year")).hasSize(3);
    assertThat(ids("q=origami&duration=short")).containsExactly(recentShort);
    assertThat(ids("q=origami&duration=medium")).containsExactly(weekMedium);
    assertThat(ids("q=origami&duration=long")).containsExactly(oldLong);
    assertThat(ids("q=origami&category=crafts")).containsExactlyInAnyOrder(recentShort, weekMedium);
    assertThat(ids("q=origami&category=Education")).containsExactly(oldLong);
    assertThat(ids("q=origami&category=Crafts&duration=medium&uploadDate=month"))
        .containsExactly(weekMedium);
  }

  @Test
  void sortsOrderByRelevanceDateAndViews() {
    Instant now = Instant.now();
    String titleMatch =
        video("Kayak rolling")
            .description("")
            .viewCount(5)
            .createdAt(now.minus(Duration.ofDays(9)))
            .put();
    String tagMatch =
        video("River day")
            .tags("kayak")
            .viewCount(900)
            .createdAt(now.minus(Duration.ofDays(5)))
            .put();
    String descriptionMatch =
        video("Lake trip")
            .description("with a kayak")
            .viewCount(50)
            .createdAt(now.minus(Duration.ofDays(1)))
            .put();
    eventually("q=kayak", ids -> ids.size() == 3);

    assertThat(ids("q=kayak")).containsExactly(titleMatch, tagMatch, descriptionMatch);
    assertThat(ids("q=kayak&sort=relevance"))
        .containsExactly(titleMatch, tagMatch, descriptionMatch);
    assertThat(ids("q=kayak&sort=date")).containsExactly(descriptionMatch, tagMatch, titleMatch);
    assertThat(ids("q=kayak&sort=views")).containsExactly(tagMatch, descriptionMatch, titleMatch);
  }

  @Test
  void theCursorPagesThroughEveryResultOnce() {
    int pageSize = CONTRACT.limits().pagination().defaultPageSize();
    var expected = new ArrayList<String>();
    for (int i = 0; i < pageSize + 5; i++) {
      expected.add(video("Juggling lesson " + i).put());
    }
    eventually("q=juggling&sort=date", ids -> ids.size() == pageSize);
    Instant deadline = Instant.now().plus(INDEXED_WITHIN);

    List<String> seen;
    do {
      seen = new ArrayList<>();
      String cursor = null;
      do {
        Visitor.Reply page =
            search("q=juggling&sort=date" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
        for (JsonNode card : page.data()) {
          seen.add(card.at("/video/id").asText());
        }
        cursor = page.body().at("/meta/nextCursor").asText(null);
      } while (cursor != null);
    } while (seen.size() < expected.size() && Instant.now().isBefore(deadline));

    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
    Visitor.Reply other = search("q=juggling&sort=views&cursor=" + encode(firstCursor()));
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body().at("/error/details/issues/0/path").asText()).isEqualTo("/cursor");
  }

  private String firstCursor() {
    return search("q=juggling&sort=date").body().at("/meta/nextCursor").asText();
  }

  @Test
  void badParametersAreValidationErrorsAtTheirPath() {
    assertIssue("uploadDate=week", "/q");
    assertIssue("q=", "/q");
    assertIssue("q=%20%20", "/q");
    assertIssue("q=" + "x".repeat(Docs.LIMITS.queryMaxLength() + 1), "/q");
    assertIssue("q=cats&sort=loudest", "/sort");
    assertIssue("q=cats&uploadDate=decade", "/uploadDate");
    assertIssue("q=cats&duration=huge", "/duration");
    assertIssue(
        "q=cats&category=" + "c".repeat(CONTRACT.limits().video().categories().maxLength() + 1),
        "/category");
    assertIssue("q=cats&cursor=not-a-cursor", "/cursor");

    Visitor.Reply both = search("q=cats&sort=loudest&duration=huge");
    assertThat(both.body().at("/error/details/issues")).hasSize(2);
    Visitor.Reply suggestions = anonymous.get("/api/v1/search/suggestions");
    assertThat(suggestions.status()).isEqualTo(400);
    assertThat(suggestions.body().at("/error/details/issues/0/path").asText()).isEqualTo("/q");
  }

  private void assertIssue(String query, String path) {
    Visitor.Reply reply = search(query);
    assertThat(reply.status()).as(query).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(CONTRACT.validate("ErrorEnvelope", reply.body())).isEmpty();
    assertThat(reply.body().at("/error/details/issues/0/path").asText()).as(query).isEqualTo(path);
  }
}
