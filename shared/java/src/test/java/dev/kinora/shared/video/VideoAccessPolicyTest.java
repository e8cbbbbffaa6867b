package dev.kinora.shared.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import org.junit.jupiter.api.Test;

class VideoAccessPolicyTest {

  @Test
  void theOwnerSeesEveryVisibilityAndStatus() {
    for (VideoVisibility visibility : VideoVisibility.values()) {
      for (VideoStatus status : VideoStatus.values()) {
        assertThat(VideoAccessPolicy.canSee(new VideoFacts("u1", visibility, status), "u1"))
            .as("%s %s", visibility, status)
            .isTrue();
      }
    }
  }

  @Test
  void othersSeeOnlyReadyPublicOrUnlistedVideos() {
    for (VideoVisibility visibility : VideoVisibility.values()) {
      for (VideoStatus status : VideoStatus.values()) {
        boolean expected = status == VideoStatus.READY && visibility != VideoVisibility.PRIVATE;
        var video = new VideoFacts("u1", visibility, status);
        assertThat(VideoAccessPolicy.canSee(video, "u2"))
            .as("%s %s", visibility, status)
            .isEqualTo(expected);
        assertThat(VideoAccessPolicy.canSee(video, null)).isEqualTo(expected);
      }
    }
  }

  @Test
  void onlyReadyPublicVideosAreEverListedNotEvenForTheirOwner() {
    for (VideoVisibility visibility : VideoVisibility.values()) {
      for (VideoStatus status : VideoStatus.values()) {
        assertThat(VideoAccessPolicy.isListable(new VideoFacts("u1", visibility, status)))
            .as("%s %s", visibility, status)
            .isEqualTo(status == VideoStatus.READY && visibility == VideoVisibility.PUBLIC);
      }
    }
  }

  @Test
  void aRefusalSaysWhyForTheLogs() {
    var decision =
        VideoAccessPolicy.decide(
            new VideoFacts("u1", VideoVisibility.PRIVATE, VideoStatus.READY), "u2");
    assertThat(decision)
        .isEqualTo(new VideoAccessPolicy.Refused("a private video is visible to the owner only"));
  }

  @Test
  void aBlockedVideoIsRefusedToStrangersAndSaysItWasModeration() {
    var blocked = new VideoFacts("u1", VideoVisibility.PUBLIC, VideoStatus.BLOCKED);
    assertThat(VideoAccessPolicy.canSee(blocked, "u2")).isFalse();
    assertThat(VideoAccessPolicy.canSee(blocked, null)).isFalse();
    assertThat(VideoAccessPolicy.decide(blocked, "u2"))
        .isEqualTo(
            new VideoAccessPolicy.Refused(
                "blocked by moderation: visible to its owner and admins only"));
    assertThat(VideoAccessPolicy.isListable(blocked)).isFalse();
  }

  @Test
  void adminsSeeBlockedVideosButNothingElseTheyCouldNotSeeBefore() {
    for (VideoVisibility visibility : VideoVisibility.values()) {
      for (VideoStatus status : VideoStatus.values()) {
        var video = new VideoFacts("u1", visibility, status);
        boolean expected =
            status == VideoStatus.BLOCKED
                || (status == VideoStatus.READY && visibility != VideoVisibility.PRIVATE);
        assertThat(
                VideoAccessPolicy.decide(video, "admin", true) instanceof VideoAccessPolicy.Allowed)
            .as("%s %s", visibility, status)
            .isEqualTo(expected);
      }
    }
  }
}
