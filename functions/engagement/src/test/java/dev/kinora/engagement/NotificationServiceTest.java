package dev.kinora.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {
  private final Fixtures f = new Fixtures();
  private final Instant t = Instant.parse("2026-11-25T12:00:00Z");

  @BeforeEach
  void twoNotifications() {
    f.social.addChannel(Fixtures.OWNER.channelId());
    f.social.video(
        "vFirst00001", Fixtures.OWNER.channelId(), VideoVisibility.PUBLIC, VideoStatus.READY, t);
    f.social.video(
        "vSecond0001", Fixtures.OWNER.channelId(), VideoVisibility.PUBLIC, VideoStatus.READY, t);
    f.social.add(Fixtures.ALICE.userId(), "vFirst00001", Fixtures.OWNER.channelId(), t);
    f.social.add(
        Fixtures.ALICE.userId(), "vSecond0001", Fixtures.OWNER.channelId(), t.plusSeconds(5));
  }

  @Test
  void listsNewestFirstWithTheUnreadCount() {
    var listed = f.notifications.list(Fixtures.ALICE, null, 10);

    assertThat(listed.page().items())
        .extracting(n -> n.id())
        .containsExactly("vSecond0001", "vFirst00001");
    assertThat(listed.unreadCount()).isEqualTo(2);
    assertThat(listed.page().items().get(0).channel().id()).isEqualTo(Fixtures.OWNER.channelId());
  }

  @Test
  void aNotificationOfAVideoMadePrivateIsHidden() {
    f.social.video(
        "vFirst00001", Fixtures.OWNER.channelId(), VideoVisibility.PRIVATE, VideoStatus.READY, t);

    assertThat(f.notifications.list(Fixtures.ALICE, null, 10).page().items())
        .extracting(n -> n.id())
        .containsExactly("vSecond0001");
  }

  @Test
  void markingReadTwiceCountsDownOnceAndMarkAllClearsTheRest() {
    assertThat(f.notifications.markRead(Fixtures.ALICE, "vFirst00001").unreadCount()).isEqualTo(1);
    assertThat(f.notifications.markRead(Fixtures.ALICE, "vFirst00001").unreadCount()).isEqualTo(1);
    assertThat(f.notifications.markAllRead(Fixtures.ALICE).unreadCount()).isZero();
    assertThat(f.notifications.list(Fixtures.ALICE, null, 10).page().items())
        .allMatch(n -> n.read());
  }

  @Test
  void someoneElsesNotificationIsNotFound() {
    assertThatThrownBy(() -> f.notifications.markRead(Fixtures.BOB, "vFirst00001"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThat(f.notifications.list(Fixtures.BOB, null, 10).page().items()).isEmpty();
    assertThat(f.social.unreadCount(Fixtures.ALICE.userId())).isEqualTo(2);
  }
}
