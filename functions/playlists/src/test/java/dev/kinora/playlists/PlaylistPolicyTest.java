package dev.kinora.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaylistPolicyTest {
  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private static StoredPlaylist playlist(PlaylistKind kind, PlaylistVisibility visibility) {
    return new StoredPlaylist("p1", kind, "curator", "c1", "t", "", visibility, 0, 0, T, T);
  }

  private static VideoFacts video(VideoVisibility visibility, VideoStatus status) {
    return new VideoFacts("creator", visibility, status);
  }

  @Test
  void aPrivatePlaylistIsReadByItsOwnerOnly() {
    var secret = playlist(PlaylistKind.REGULAR, PlaylistVisibility.PRIVATE);
    assertThat(PlaylistPolicy.canRead(secret, "curator")).isTrue();
    assertThat(PlaylistPolicy.canRead(secret, "someone")).isFalse();
    assertThat(PlaylistPolicy.canRead(secret, null)).isFalse();
    var link = playlist(PlaylistKind.REGULAR, PlaylistVisibility.UNLISTED);
    assertThat(PlaylistPolicy.canRead(link, null)).isTrue();
  }

  @Test
  void onlyTheOwnerEditsAndWatchLaterIsNeverRenamedOrDeleted() {
    var open = playlist(PlaylistKind.REGULAR, PlaylistVisibility.PUBLIC);
    assertThat(PlaylistPolicy.canEdit(open, "curator")).isTrue();
    assertThat(PlaylistPolicy.canEdit(open, "someone")).isFalse();
    assertThat(PlaylistPolicy.canRenameOrDelete(open)).isTrue();
    assertThat(
            PlaylistPolicy.canRenameOrDelete(
                playlist(PlaylistKind.WATCH_LATER, PlaylistVisibility.PRIVATE)))
        .isFalse();
  }

  @Test
  void othersSeeOnlyPublicReadyItemsOfAPublicPlaylist() {
    var open = playlist(PlaylistKind.REGULAR, PlaylistVisibility.PUBLIC);
    var ready = video(VideoVisibility.PUBLIC, VideoStatus.READY);
    var unlisted = video(VideoVisibility.UNLISTED, VideoStatus.READY);
    var secret = video(VideoVisibility.PRIVATE, VideoStatus.READY);
    var processing = video(VideoVisibility.PUBLIC, VideoStatus.PROCESSING);

    assertThat(PlaylistPolicy.showsItem(open, ready, null)).isTrue();
    assertThat(PlaylistPolicy.showsItem(open, unlisted, "someone")).isFalse();
    assertThat(PlaylistPolicy.showsItem(open, secret, "someone")).isFalse();
    assertThat(PlaylistPolicy.showsItem(open, processing, null)).isFalse();

    assertThat(PlaylistPolicy.showsItem(open, unlisted, "curator")).as("the curator").isTrue();
    assertThat(PlaylistPolicy.showsItem(open, secret, "curator")).isFalse();
    assertThat(PlaylistPolicy.showsItem(open, secret, "creator")).as("the video's owner").isTrue();
    assertThat(PlaylistPolicy.showsItem(open, processing, "creator")).isTrue();
  }
}
