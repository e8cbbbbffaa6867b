package dev.kinora.bench.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.bench.BenchArgs;
import dev.kinora.bench.BenchOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscodeBenchTest {
  private final TranscodeBench bench = new TranscodeBench();

  @Test
  void acceptsDurationNoiseAndTimeout() {
    List<String> names = bench.options().stream().map(BenchOption::name).toList();

    assertThat(names).containsExactly("duration", "noise", "chunk", "timeout");
    BenchArgs args = BenchArgs.parse(List.of("--duration", "20", "--noise=8"), bench.options());
    assertThat(args.integer("duration", 60, 5, 600)).isEqualTo(20);
    assertThat(args.integer("noise", 0, 0, 40)).isEqualTo(8);
  }

  @Test
  void theSourceIsA1080p30PatternWithSoundEncodedLikeACamera() {
    List<String> command =
        TranscodeBench.sourceCommand(Path.of("/bin/ffmpeg"), Path.of("/tmp/s.mp4"), 60, 0);

    assertThat(command.getFirst()).isEqualTo("/bin/ffmpeg");
    assertThat(command)
        .contains(
            "testsrc2=size=1920x1080:rate=30:duration=60",
            "sine=frequency=440:sample_rate=48000:duration=60",
            "libx264",
            "high",
            "aac")
        .endsWith("/tmp/s.mp4");
    assertThat(TranscodeBench.sourceCommand(Path.of("/bin/ffmpeg"), Path.of("/tmp/s.mp4"), 60, 8))
        .contains("testsrc2=size=1920x1080:rate=30:duration=60,noise=alls=8:allf=t");
  }

  @Test
  void childCpuIsCutimePlusCstimeInSeconds() {
    String stat =
        "6805 (ffmpeg (x) y) R 6801 6801 844 0 -1 4194304 126 0 0 0 250 30 1234 66 20 0 1 0";

    assertThat(ChildCpu.parse(stat)).isEqualTo(13.0);
    assertThat(ChildCpu.seconds()).isGreaterThanOrEqualTo(0);
  }
}
