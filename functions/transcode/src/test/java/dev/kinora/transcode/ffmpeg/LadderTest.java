package dev.kinora.transcode.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LadderTest {

  private static MediaInfo source(int width, int height) {
    return new MediaInfo(10, width, height, 30, true, 0, "mov,mp4,m4a,3gp,3g2,mj2");
  }

  private static List<String> sizes(List<Rung> rungs) {
    return rungs.stream().map(r -> r.name() + "=" + r.width() + "x" + r.height()).toList();
  }

  @Test
  void theStandardLadderComesFromLimitsJsonLargestFirst() {
    assertThat(Ladder.standard())
        .containsExactly(
            new Rung("1080p", 1920, 1080, 5000, 128),
            new Rung("720p", 1280, 720, 2500, 128),
            new Rung("480p", 854, 480, 1000, 96),
            new Rung("360p", 640, 360, 500, 64));
  }

  @ParameterizedTest(name = "{0}x{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // every rung not above the source
        "1920|1080|1080p=1920x1080 720p=1280x720 480p=854x480 360p=640x360",
        "1280|720|720p=1280x720 480p=854x480 360p=640x360",
        "854|480|480p=854x480 360p=640x360",
        "640|360|360p=640x360",
        // above the top rung: capped at 1080p, never a 2160p rung
        "3840|2160|1080p=1920x1080 720p=1280x720 480p=854x480 360p=640x360",
        // between rungs: the rungs below plus the source's own height
        "1600|900|900p=1600x900 720p=1280x720 480p=854x480 360p=640x360",
        // below the lowest rung: only its own (even) size
        "320|240|240p=320x240",
        "427|241|240p=426x240",
        // 4:3 keeps its aspect with even widths
        "1440|1080|1080p=1440x1080 720p=960x720 480p=640x480 360p=480x360",
        // portrait phone clips: the short side picks the rungs, the picture stands up
        "1080|1920|1080p=1080x1920 720p=720x1280 480p=480x854 360p=360x640",
        "720|1280|720p=720x1280 480p=480x854 360p=360x640"
      })
  void aSourceGetsTheRungsNotAboveItsShortSide(int width, int height, String expected) {
    assertThat(String.join(" ", sizes(Ladder.forSource(source(width, height)))))
        .isEqualTo(expected);
  }

  @Test
  void aRungBetweenTwoStandardOnesKeepsTheBitsPerPixelOfTheOneAbove() {
    Rung own = Ladder.forSource(source(1600, 900)).getFirst();

    assertThat(own.name()).isEqualTo("900p");
    assertThat(own.videoKbps()).isEqualTo((int) Math.round(5000 * Math.pow(900.0 / 1080, 2)));
    assertThat(own.audioKbps()).isEqualTo(128);
  }

  @Test
  void everyFrameSizeIsEven() {
    for (int height = 100; height <= 1200; height += 37) {
      for (Rung rung : Ladder.forSource(source(height * 16 / 9 + 1, height))) {
        assertThat(rung.width() % 2).as(rung.toString()).isZero();
        assertThat(rung.height() % 2).as(rung.toString()).isZero();
      }
    }
  }
}
