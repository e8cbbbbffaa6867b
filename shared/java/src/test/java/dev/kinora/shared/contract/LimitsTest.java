package dev.kinora.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {
  private final Limits limits = Contract.load().limits();

  @Test
  void exposesTheNumbersOfLimitsJsonTyped() {
    assertThat(limits.video().idLength()).isEqualTo(11);
    assertThat(limits.video().tags().maxItems()).isEqualTo(30);
    assertThat(limits.upload().maxFileSizeBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
    assertThat(limits.upload().allowedMimeTypes()).contains("video/mp4", "video/x-matroska");
    assertThat(limits.upload().sessionTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(limits.view().minWatchFraction()).isEqualTo(0.5);
    assertThat(limits.pagination().maxPageSize()).isEqualTo(50);
  }

  @Test
  void rateLimitsAreLookedUpByAction() {
    assertThat(limits.rateLimit("uploadInit"))
        .isEqualTo(new Limits.RateLimit(5, 60))
        .extracting(Limits.RateLimit::window)
        .isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> limits.rateLimit("teleport"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("teleport");
  }

  @Test
  void aFileIsSplitIntoChunksOfTheConfiguredSize() {
    long chunk = limits.upload().chunkSizeBytes();
    assertThat(limits.upload().partCount(1)).isEqualTo(1);
    assertThat(limits.upload().partCount(chunk)).isEqualTo(1);
    assertThat(limits.upload().partCount(chunk + 1)).isEqualTo(2);
    assertThat(limits.upload().partCount(limits.upload().maxFileSizeBytes())).isEqualTo(1024);
  }

  @Test
  void theTranscodeLadderAndItsSettingsAreTyped() {
    var transcode = limits.transcode();

    assertThat(transcode.ladder())
        .first()
        .isEqualTo(new Limits.TranscodeRung("1080p", 1920, 1080, 5000, 128));
    assertThat(transcode.ladder()).extracting(Limits.TranscodeRung::name).contains("360p");
    assertThat(transcode.x264Preset()).isEqualTo("veryfast");
    assertThat(transcode.keyframeIntervalSeconds()).isEqualTo(2);
    assertThat(transcode.ffmpegTimeout()).isEqualTo(Duration.ofSeconds(780));
  }

  @Test
  void aMissingLimitIsNamedByItsPath() {
    var tree = Json.tree(Map.of("video", Map.of("title", Map.of("min", 1))));

    assertThatThrownBy(() -> Limits.fromJson(tree))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("video.idLength");
  }

  @Test
  void aFractionalLengthIsRejected() {
    var tree = Json.tree(Map.of("video", Map.of("idLength", 11.5)));

    assertThatThrownBy(() -> Limits.fromJson(tree))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("video.idLength must be an integer");
  }
}
