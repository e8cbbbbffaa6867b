package dev.kinora.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.model.NotifyPreference;
import dev.kinora.shared.model.Subscription;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {
  private final Fixtures f = new Fixtures();

  @BeforeEach
  void channels() {
    f.social.addChannel(Fixtures.OWNER.channelId());
    f.social.addChannel(Fixtures.ALICE.channelId());
    f.social.addChannel(Fixtures.BOB.channelId());
  }

  private long count() {
    return f.social.channels.get(Fixtures.OWNER.channelId()).subscriberCount();
  }

  @Test
  void subscribingCountsOnceAndChangingOnlyThePreferenceKeepsTheCount() {
    Subscription first =
        f.subscriptions.subscribe(Fixtures.OWNER.channelId(), Fixtures.ALICE, NotifyPreference.ALL);
    Subscription again =
        f.subscriptions.subscribe(Fixtures.OWNER.channelId(), Fixtures.ALICE, NotifyPreference.ALL);
    Subscription quieter =
        f.subscriptions.subscribe(
            Fixtures.OWNER.channelId(), Fixtures.ALICE, NotifyPreference.NONE);

    assertThat(first)
        .isEqualTo(new Subscription(Fixtures.OWNER.channelId(), true, NotifyPreference.ALL, 1));
    assertThat(again.subscriberCount()).isEqualTo(1);
    assertThat(quieter.preference()).isEqualTo(NotifyPreference.NONE);
    assertThat(quieter.subscriberCount()).isEqualTo(1);
  }

  @Test
  void unsubscribingTwiceCountsDownOnce() {
    f.subscriptions.subscribe(Fixtures.OWNER.channelId(), Fixtures.ALICE, NotifyPreference.ALL);
    f.subscriptions.subscribe(Fixtures.OWNER.channelId(), Fixtures.BOB, NotifyPreference.ALL);

    f.subscriptions.unsubscribe(Fixtures.OWNER.channelId(), Fixtures.ALICE);
    Subscription after = f.subscriptions.unsubscribe(Fixtures.OWNER.channelId(), Fixtures.ALICE);

    assertThat(after).isEqualTo(new Subscription(Fixtures.OWNER.channelId(), false, null, 1));
    assertThat(count()).isEqualTo(1);
    assertThat(f.subscriptions.state(Fixtures.OWNER.channelId(), Fixtures.BOB).subscribed())
        .isTrue();
  }

  @Test
  void yourOwnChannelIsInvalidInputAndAnUnknownOneIsChannelNotFound() {
    assertThatThrownBy(
            () ->
                f.subscriptions.subscribe(
                    Fixtures.OWNER.channelId(), Fixtures.OWNER, NotifyPreference.ALL))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    assertThatThrownBy(
            () -> f.subscriptions.subscribe("ch_nobody", Fixtures.ALICE, NotifyPreference.ALL))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND));
    assertThatThrownBy(() -> f.subscriptions.state("ch_nobody", Fixtures.ALICE))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_NOT_FOUND));
    assertThat(count()).isZero();
  }

  @Test
  void myChannelsArePagedWithTheirPreference() {
    f.subscriptions.subscribe(Fixtures.OWNER.channelId(), Fixtures.ALICE, NotifyPreference.ALL);
    f.subscriptions.subscribe(Fixtures.BOB.channelId(), Fixtures.ALICE, NotifyPreference.NONE);

    var first = f.subscriptions.mine(Fixtures.ALICE, null, 1);
    var second = f.subscriptions.mine(Fixtures.ALICE, first.nextCursor(), 1);

    assertThat(first.items()).hasSize(1);
    assertThat(second.items()).hasSize(1);
    assertThat(second.nextCursor()).isNull();
    assertThat(first.items().get(0).channel().id())
        .isNotEqualTo(second.items().get(0).channel().id());
  }

  @Test
  void theUploadsFeedMergesChannelsNewestFirstAndShowsOnlyPublicReadyVideos() {
    f.subscriptions.subscribe(Fixtures.OWNER.channelId(), Fixtures.ALICE, NotifyPreference.ALL);
    f.subscriptions.subscribe(Fixtures.BOB.channelId(), Fixtures.ALICE, NotifyPreference.ALL);
    Instant t = Instant.parse("2026-11-25T12:00:00Z");
    f.social.video(
        "vOwnerOld01", Fixtures.OWNER.channelId(), VideoVisibility.PUBLIC, VideoStatus.READY, t);
    f.social.video(
        "vBobMid0001",
        Fixtures.BOB.channelId(),
        VideoVisibility.PUBLIC,
        VideoStatus.READY,
        t.plusSeconds(60));
    f.social.video(
        "vOwnerNew01",
        Fixtures.OWNER.channelId(),
        VideoVisibility.PUBLIC,
        VideoStatus.READY,
        t.plusSeconds(120));
    f.social.video(
        "vPrivate001",
        Fixtures.OWNER.channelId(),
        VideoVisibility.PRIVATE,
        VideoStatus.READY,
        t.plusSeconds(180));
    f.social.video(
        "vWorking001",
        Fixtures.BOB.channelId(),
        VideoVisibility.PUBLIC,
        VideoStatus.PROCESSING,
        t.plusSeconds(240));

    var ids = new ArrayList<String>();
    String cursor = null;
    do {
      Page<VideoCard> page = f.subscriptions.uploads(Fixtures.ALICE, cursor, 2);
      page.items().forEach(card -> ids.add(card.video().id()));
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(ids).containsExactly("vOwnerNew01", "vBobMid0001", "vOwnerOld01");
  }

  @Test
  void aCursorFromElsewhereIsAValidationErrorAtCursor() {
    assertThatThrownBy(() -> f.subscriptions.uploads(Fixtures.ALICE, "bm90IGpzb24", 2))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
  }
}
