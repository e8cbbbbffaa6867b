package dev.kinora.transcode.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.transcode.ffmpeg.SourceRules.ProbedMedia;
import org.junit.jupiter.api.Test;

class SourceRulesTest {
  private final TranscodeSettings settings = TranscodeSettings.load();

  private static ProbedMedia media(int width, int height, double duration, double fps) {
    return new ProbedMedia(
        true, width, height, 0, duration, fps, true, "mov,mp4,m4a,3gp,3g2,mj2", 1);
  }

  private String reason(ProbedMedia media) {
    return SourceRules.firstViolation(SourceRules.mediaRules(settings), media).orElse("accepted");
  }

  @Test
  void anOrdinaryVideoPassesEveryRule() {
    assertThat(reason(media(1920, 1080, 60, 30))).isEqualTo("accepted");
  }

  @Test
  void absurdDimensionsAreRejectedWithTheAllowedRange() {
    assertThat(reason(media(100_000, 1080, 60, 30)))
        .isEqualTo(
            "The video is 100000x1080 pixels; each side must be between 16 and 7680 pixels.");
    assertThat(reason(media(1920, 2, 60, 30))).contains("1920x2 pixels");
  }

  @Test
  void aVideoWithoutDurationIsRejected() {
    assertThat(reason(media(640, 360, 0, 30))).contains("no duration");
    assertThat(reason(media(640, 360, Double.NaN, 30))).contains("no duration");
  }

  @Test
  void aVideoLongerThanTheLimitIsRejectedWithBothLengths() {
    double tooLong = settings.maxDurationSeconds() + 61;

    assertThat(reason(media(640, 360, tooLong, 30)))
        .isEqualTo("The video is 3 h 02 min long; the limit is 3 h 00 min.");
  }

  @Test
  void aVideoWithoutFrameRateIsRejected() {
    assertThat(reason(media(640, 360, 10, 0))).contains("frame rate");
  }

  @Test
  void aFileWithoutVideoStreamIsRejected() {
    var audioOnly = new ProbedMedia(false, 0, 0, 0, 0, 0, true, "mov,mp4,m4a,3gp,3g2,mj2", 1);

    assertThat(reason(audioOnly)).contains("no video stream");
  }

  @Test
  void anamorphicPixelsAreWidenedToTheirDisplayShape() {
    var dvdWidescreen = new ProbedMedia(true, 720, 576, 0, 5, 25, true, "mov", 64 / 45.0);

    assertThat(dvdWidescreen.displayWidth()).isEqualTo(1024);
    assertThat(dvdWidescreen.displayHeight()).isEqualTo(576);
    assertThat(reason(new ProbedMedia(true, 720, 576, 0, 5, 25, true, "mov", 100)))
        .contains("720x576 pixels");
  }

  @Test
  void displaySizeFollowsTheRotation() {
    var upright = new ProbedMedia(true, 1920, 1080, 90, 5, 30, true, "mov", 1);

    assertThat(upright.displayWidth()).isEqualTo(1080);
    assertThat(upright.displayHeight()).isEqualTo(1920);
  }
}
