package dev.kinora.search;

import static dev.kinora.search.Docs.LIMITS;
import static dev.kinora.search.Docs.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class IndexerServiceTest {
  private final InMemoryIndexGenerations generations = new InMemoryIndexGenerations();
  private final IndexerService indexer = new IndexerService(generations, LIMITS);

  private static Map<String, AttributeValue> row(
      String id, String visibility, String status, long views) {
    var item = new HashMap<String, AttributeValue>();
    item.put("id", AttributeValue.fromS(id));
    item.put("ownerId", AttributeValue.fromS("owner"));
    item.put("channelId", AttributeValue.fromS("channel"));
    item.put("title", AttributeValue.fromS("Trending " + id));
    item.put("visibility", AttributeValue.fromS(visibility));
    item.put("status", AttributeValue.fromS(status));
    item.put("createdAt", AttributeValue.fromS("2026-11-25T12:00:00Z"));
    item.put("publishedAt", AttributeValue.fromS("2026-11-25T12:05:00Z"));
    item.put("durationSeconds", AttributeValue.fromN("100"));
    item.put("viewCount", AttributeValue.fromN(Long.toString(views)));
    return item;
  }

  private SearchIndex published() {
    var index = new PublishedIndex(generations, LIMITS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    return index.get();
  }

  private List<String> found() {
    return published().search(query("trending")).ids();
  }

  @Test
  void onlyPublicReadyRowsAreIndexed() {
    indexer.apply(
        List.of(
            new VideoChange("pub", null, row("pub", "public", "ready", 0)),
            new VideoChange("priv", null, row("priv", "private", "ready", 0)),
            new VideoChange("unl", null, row("unl", "unlisted", "ready", 0)),
            new VideoChange("proc", null, row("proc", "public", "processing", 0))));

    assertThat(found()).containsExactly("pub");
  }

  @Test
  void aRowThatStopsBeingListableIsRemoved() {
    indexer.apply(
        List.of(
            new VideoChange("a", null, row("a", "public", "ready", 0)),
            new VideoChange("b", null, row("b", "public", "ready", 0)),
            new VideoChange("c", null, row("c", "public", "ready", 0))));

    indexer.apply(
        List.of(
            new VideoChange("a", row("a", "public", "ready", 0), row("a", "private", "ready", 0)),
            new VideoChange("b", row("b", "public", "ready", 0), null),
            new VideoChange(
                "c", row("c", "public", "ready", 0), row("c", "public", "blocked", 0))));

    assertThat(found()).isEmpty();
  }

  @Test
  void counterUpdatesPublishNothingUntilViewsMoveAStep() {
    indexer.apply(List.of(new VideoChange("a", null, row("a", "public", "ready", 20))));
    long before = generations.manifest().orElseThrow().generation();

    IndexerService.Outcome oneView =
        indexer.apply(
            List.of(
                new VideoChange(
                    "a", row("a", "public", "ready", 20), row("a", "public", "ready", 21))));
    assertThat(oneView.published()).isEmpty();
    assertThat(generations.manifest().orElseThrow().generation()).isEqualTo(before);

    IndexerService.Outcome manyViews =
        indexer.apply(
            List.of(
                new VideoChange(
                    "a", row("a", "public", "ready", 21), row("a", "public", "ready", 100))));
    assertThat(manyViews.upserted()).isEqualTo(1);
  }

  @Test
  void aNewContainerContinuesFromTheManifest() {
    indexer.apply(List.of(new VideoChange("a", null, row("a", "public", "ready", 0))));
    var restarted = new IndexerService(generations, LIMITS);

    restarted.apply(List.of(new VideoChange("b", null, row("b", "public", "ready", 0))));

    assertThat(found()).containsExactlyInAnyOrder("a", "b");
    assertThat(generations.manifest().orElseThrow().generation()).isEqualTo(2);
  }

  @Test
  void oldGenerationsAreDiscarded() {
    for (int i = 0; i < 6; i++) {
      indexer.apply(List.of(new VideoChange("v" + i, null, row("v" + i, "public", "ready", 0))));
    }

    assertThat(generations.generations).hasSize(LIMITS.retainedGenerations() - 1 + 1);
    assertThat(found()).hasSize(6);
  }
}
