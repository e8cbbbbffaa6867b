package dev.kinora.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.NotifyPreference;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fan-out over in-memory ports, two subscribers per page. */
class FanOutServiceTest {
  private static final String CHANNEL = Fixtures.OWNER.channelId();
  private static final String VIDEO = "vFanOut0001";
  private final Fixtures f = new Fixtures();

  @BeforeEach
  void channelWithSubscribers() {
    f.social.addChannel(CHANNEL);
    for (int i = 0; i < 5; i++) {
      subscribe(Fixtures.user("all" + i), NotifyPreference.ALL);
    }
    subscribe(Fixtures.user("quiet"), NotifyPreference.NONE);
    subscribe(Fixtures.user("picky"), NotifyPreference.PERSONALIZED);
  }

  private void subscribe(SessionUser user, NotifyPreference preference) {
    f.social.create(new StoredSubscription(user.userId(), CHANNEL, preference, Instant.EPOCH));
  }

  private void video(VideoVisibility visibility, VideoStatus status) {
    f.social.video(VIDEO, CHANNEL, visibility, status, Instant.parse("2026-11-25T12:00:00Z"));
  }

  private void published() {
    published("record-1");
  }

  /** The stream record {@code recordId} reports processing → ready while public. */
  private void published(String recordId) {
    f.fanOut.start(
        VideoChange.between(
            new VideoChange.Row(VIDEO, CHANNEL, "public", "processing"),
            new VideoChange.Row(VIDEO, CHANNEL, "public", "ready")),
        recordId);
  }

  /** The row changed as the stream reports it; the fan-out's ports see the row as it is now. */
  private void changed(String v0, String s0, String v1, String s1, String recordId) {
    video(VideoVisibility.valueOf(v1.toUpperCase(java.util.Locale.ROOT)), status(s1));
    f.fanOut.start(
        VideoChange.between(
            new VideoChange.Row(VIDEO, CHANNEL, v0, s0),
            new VideoChange.Row(VIDEO, CHANNEL, v1, s1)),
        recordId);
    f.drainFanOut();
  }

  private static VideoStatus status(String status) {
    return VideoStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void everyAllSubscriberIsNotifiedOncePageByPage() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    published();

    int pages = f.drainFanOut();

    assertThat(pages).isEqualTo(4); // 7 subscribers, 2 per page
    assertThat(f.social.notifications).hasSize(5);
    assertThat(f.social.notifications.keySet()).allMatch(key -> key.startsWith("acc_all"));
    assertThat(f.social.unreadCount("acc_all0")).isEqualTo(1);
    assertThat(f.social.unreadCount("acc_quiet")).isZero();
    assertThat(f.social.unreadCount("acc_picky")).isZero();
  }

  @Test
  void aRedeliveredTriggerNeitherDuplicatesNorMakesARedNotificationUnreadAgain() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    published();
    f.drainFanOut();
    f.social.markRead("acc_all0", VIDEO, Instant.EPOCH);

    published();
    f.drainFanOut();

    assertThat(f.social.notifications).hasSize(5);
    assertThat(f.social.unreadCount("acc_all0")).isZero();
    assertThat(f.social.unreadCount("acc_all1")).isEqualTo(1);
  }

  @Test
  void aVideoNoLongerListableWhenThePageRunsNotifiesNobody() {
    video(VideoVisibility.PRIVATE, VideoStatus.READY);
    published();

    f.drainFanOut();

    assertThat(f.social.notifications).isEmpty();
  }

  @Test
  void onlineSubscribersHearNotificationNewWithTheirUnreadCount() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    f.social.online.add("acc_all3");
    f.social.online.add("acc_quiet");
    published();

    f.drainFanOut();

    assertThat(f.social.pushed).hasSize(1);
    assertThat(f.social.pushed.get(0).notification().id()).isEqualTo(VIDEO);
    assertThat(f.social.pushed.get(0).unreadCount()).isEqualTo(1);
  }

  @Test
  void makingTheVideoPrivateWithdrawsItsNotificationsUnreadCountAndListsThemNowhere() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    published();
    f.drainFanOut();
    f.social.markRead("acc_all0", VIDEO, Instant.EPOCH);

    changed("public", "ready", "private", "ready", "record-2");

    assertThat(List.of("acc_all0", "acc_all1", "acc_all4"))
        .allMatch(user -> f.social.unreadCount(user) == 0);
    assertThat(f.notifications.list(Fixtures.user("all1"), null, 20).page().items()).isEmpty();
  }

  @Test
  void blockingAndUnblockingAVideoNotifiesNobodyASecondTime() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    f.social.online.add("acc_all2");
    published();
    f.drainFanOut();
    Instant first = f.social.notifications.get("acc_all1/" + VIDEO).createdAt();

    changed("public", "ready", "public", "blocked", "record-2");
    changed("public", "blocked", "public", "ready", "record-3");

    assertThat(f.social.notifications).hasSize(5);
    assertThat(f.social.pushed).as("one notification.new, at the first publish").hasSize(1);
    assertThat(f.social.unreadCount("acc_all1")).isZero();
    var listed = f.notifications.list(Fixtures.user("all1"), null, 20).page().items();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).id()).isEqualTo(VIDEO);
    assertThat(listed.get(0).read()).isTrue();
    assertThat(listed.get(0).createdAt()).isEqualTo(first);
  }

  @Test
  void aVideoMadePrivateAndPublicAgainIsNotNewsNotEvenToThoseWhoSubscribedMeanwhile() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    published();
    f.drainFanOut();

    changed("public", "ready", "private", "ready", "record-2");
    subscribe(Fixtures.user("late"), NotifyPreference.ALL);
    changed("private", "ready", "public", "ready", "record-3");
    changed("public", "ready", "private", "ready", "record-4");
    changed("private", "ready", "public", "ready", "record-5");

    assertThat(f.social.notifications).hasSize(5);
    assertThat(f.social.notifications).doesNotContainKey("acc_late/" + VIDEO);
    assertThat(f.social.unreadCount("acc_all0")).isZero();
  }

  @Test
  void aFirstPageRedeliveredAfterTheAnnouncementStillNotifiesItsSubscribers() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    // the first delivery announced the video and then failed before notifying anyone
    f.social.announce(VIDEO, "record-1", Instant.EPOCH);

    published("record-1");
    f.drainFanOut();

    assertThat(f.social.notifications).hasSize(5);
  }

  @Test
  void aVideoThatNeverBecameListableIsAnnouncedByItsFirstPublishLaterOn() {
    video(VideoVisibility.PRIVATE, VideoStatus.READY);
    published("record-1");
    f.drainFanOut(); // its page finds the video private: dropped, nothing announced

    changed("private", "ready", "public", "ready", "record-2");

    assertThat(f.social.notifications).hasSize(5);
  }

  @Test
  void deletingTheVideoDeletesItsNotificationsAndItsAnnouncement() {
    video(VideoVisibility.PUBLIC, VideoStatus.READY);
    published();
    f.drainFanOut();
    f.social.markRead("acc_all0", VIDEO, Instant.EPOCH);
    f.social.videos.remove(VIDEO);

    f.fanOut.start(
        VideoChange.between(new VideoChange.Row(VIDEO, CHANNEL, "public", "ready"), null),
        "record-2");
    f.drainFanOut();

    assertThat(f.social.notifications).isEmpty();
    assertThat(f.social.announcedBy).doesNotContainKey(VIDEO);
    assertThat(List.of("acc_all0", "acc_all1")).allMatch(user -> f.social.unreadCount(user) == 0);
  }

  @Test
  void onlyChangesInListabilityStartAFanOut() {
    assertThat(change("private", "processing", "private", "ready"))
        .isEqualTo(VideoChange.Kind.NONE);
    assertThat(change("public", "processing", "public", "ready"))
        .isEqualTo(VideoChange.Kind.PUBLISHED);
    assertThat(change("private", "ready", "public", "ready")).isEqualTo(VideoChange.Kind.PUBLISHED);
    assertThat(change("public", "ready", "public", "ready")).isEqualTo(VideoChange.Kind.NONE);
    assertThat(change("public", "ready", "unlisted", "ready"))
        .isEqualTo(VideoChange.Kind.WITHDRAWN);
    assertThat(change("public", "ready", "public", "blocked"))
        .isEqualTo(VideoChange.Kind.WITHDRAWN);
    assertThat(change("public", "blocked", "public", "ready"))
        .isEqualTo(VideoChange.Kind.PUBLISHED);
    assertThat(
            VideoChange.between(new VideoChange.Row(VIDEO, CHANNEL, "private", "ready"), null)
                .kind())
        .isEqualTo(VideoChange.Kind.DELETED);
  }

  private static VideoChange.Kind change(String v0, String s0, String v1, String s1) {
    return VideoChange.between(
            new VideoChange.Row(VIDEO, CHANNEL, v0, s0),
            new VideoChange.Row(VIDEO, CHANNEL, v1, s1))
        .kind();
  }
}
