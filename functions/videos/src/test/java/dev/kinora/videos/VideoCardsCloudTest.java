package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.shared.listing.VideoCards;
import dev.kinora.shared.model.VideoCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shared listing reader against the repository's tables: every listing (search, trending,
 * feeds, subscriptions) turns ids into cards through it, so its "public and ready only" and "order
 * kept" promises are tested once here, on the real tables and the real BatchGetItem.
 */
@KinoraCloud
class VideoCardsCloudTest {
  private final LocalCloud cloud;
  private final VideoCards cards;

  VideoCardsCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
    this.cards =
        new VideoCards(
            cloud.dynamoDb(),
            cloud.physicalName("VideosTable"),
            cloud.physicalName("AccountsTable"));
  }

  @Test
  void cardsKeepTheAskedOrderAndCarryTheirChannel() {
    String channel = channel("woodturner", "The Woodturner", 12);
    String first = VideoRows.ready(cloud, "owner-1", channel).title("Bowls").put();
    String second = VideoRows.ready(cloud, "owner-1", channel).title("Spoons").put();

    List<VideoCard> listed = cards.byIds(List.of(second, first, second, "no-such-video"));

    assertThat(listed).extracting(card -> card.video().id()).containsExactly(second, first);
    assertThat(listed.getFirst().video().title()).isEqualTo("Spoons");
    assertThat(listed.getFirst().channel().handle()).isEqualTo("woodturner");
    assertThat(listed.getFirst().channel().name()).isEqualTo("The Woodturner");
    assertThat(listed.getFirst().channel().subscriberCount()).isEqualTo(12);
  }

  @Test
  void onlyPublicReadyVideosAreEverListed() {
    String channel = channel("mixed", "Mixed states", 0);
    String listed = VideoRows.ready(cloud, "owner-2", channel).put();
    List<String> hidden =
        List.of(
            VideoRows.ready(cloud, "owner-2", channel).visibility("private").put(),
            VideoRows.ready(cloud, "owner-2", channel).visibility("unlisted").put(),
            VideoRows.ready(cloud, "owner-2", channel).status("processing").put(),
            VideoRows.ready(cloud, "owner-2", channel).status("failed").put(),
            VideoRows.ready(cloud, "owner-2", channel).status("blocked").put());
    List<String> asked = new ArrayList<>(hidden);
    asked.add(listed);

    assertThat(cards.byIds(asked)).extracting(card -> card.video().id()).containsExactly(listed);
  }

  @Test
  void moreThanOneBatchOfIdsIsReadInFull() {
    String channel = channel("prolific", "Prolific", 0);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      ids.add(VideoRows.ready(cloud, "owner-3", channel).title("Part " + i).put());
    }

    assertThat(cards.byIds(ids))
        .extracting(card -> card.video().id())
        .containsExactlyElementsOf(ids);
  }

  @Test
  void aVideoWhoseChannelIsGoneIsLeftOut() {
    String kept = VideoRows.ready(cloud, "owner-4", channel("still-here", "Still here", 0)).put();
    String orphan = VideoRows.ready(cloud, "owner-5", "deleted-channel").put();

    assertThat(cards.byIds(List.of(orphan, kept)))
        .extracting(c -> c.video().id())
        .containsExactly(kept);
  }

  /** A channel row as sign-up leaves it in AccountsTable. */
  private String channel(String handle, String name, long subscribers) {
    String id = "channel-" + handle;
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS("CHANNEL#" + id));
    item.put("sk", AttributeValue.fromS("CHANNEL"));
    item.put("id", AttributeValue.fromS(id));
    item.put("handle", AttributeValue.fromS(handle));
    item.put("name", AttributeValue.fromS(name));
    item.put("subscriberCount", AttributeValue.fromN(Long.toString(subscribers)));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("AccountsTable")).item(item));
    return id;
  }
}
