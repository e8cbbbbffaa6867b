package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.transcode.ChunkResult.RungSegments;
import dev.kinora.transcode.ChunkResult.Segment;
import dev.kinora.transcode.ffmpeg.Rung;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkPlaylistsTest {
  private static RungSegments chunk(int index, double... durations) {
    String prefix = WorkKeys.segmentPrefix(index);
    List<Segment> segments =
        java.util.stream.IntStream.range(0, durations.length)
            .mapToObj(
                i ->
                    new Segment(
                        prefix + String.format("segment-%05d.m4s", i),
                        durations[i],
                        (long) (durations[i] * 100_000)))
            .toList();
    return new RungSegments(
        "360p", 640, 360, 500, 64, "avc1.64001e,mp4a.40.2", 30, prefix + "init-360p.mp4", segments);
  }

  @Test
  void theChunksOfARungBecomeOneVodPlaylistWithAMapBeforeEachChunk() {
    String playlist = ChunkPlaylists.variant(List.of(chunk(0, 6, 6), chunk(1, 6, 2.5)));

    assertThat(playlist)
        .isEqualTo(
            """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:6
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-MAP:URI="c00000-init-360p.mp4"
            #EXTINF:6.000000,
            c00000-segment-00000.m4s
            #EXTINF:6.000000,
            c00000-segment-00001.m4s
            #EXT-X-MAP:URI="c00001-init-360p.mp4"
            #EXTINF:6.000000,
            c00001-segment-00000.m4s
            #EXTINF:2.500000,
            c00001-segment-00001.m4s
            #EXT-X-ENDLIST
            """);
  }

  @Test
  void theMasterEntryMeasuresBandwidthOverEveryChunk() {
    var entry = ChunkPlaylists.masterEntry(List.of(chunk(0, 6), chunk(1, 2)));

    // 100 000 bytes per second of media in every segment: 800 kbit/s peak and average.
    assertThat(entry.peakBitsPerSecond()).isEqualTo(800_000);
    assertThat(entry.averageBitsPerSecond()).isEqualTo(800_000);
    assertThat(entry.uri()).isEqualTo("360p/index.m3u8");
    assertThat(entry.rung()).isEqualTo(new Rung("360p", 640, 360, 500, 64));
  }

  @Test
  void aChunksOwnPlaylistIsReadWithItsInitSegmentAndSegmentSizes(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("index.m3u8"),
        """
        #EXTM3U
        #EXT-X-VERSION:7
        #EXT-X-TARGETDURATION:2
        #EXT-X-MAP:URI="c00004-init-360p.mp4"
        #EXTINF:2.000000,
        c00004-segment-00000.m4s
        #EXT-X-ENDLIST
        """);
    Files.write(dir.resolve("c00004-segment-00000.m4s"), new byte[1234]);

    var read = ChunkPlaylists.read(new Rung("360p", 640, 360, 500, 64), dir, "avc1.64001e", 30);

    assertThat(read.init()).isEqualTo("c00004-init-360p.mp4");
    assertThat(read.segments()).containsExactly(new Segment("c00004-segment-00000.m4s", 2.0, 1234));
  }
}
