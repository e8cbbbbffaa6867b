package dev.kinora.transcode.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole transcodes of tiny generated clips with the layer's ffmpeg; outputs read back. */
class HlsTranscoderTest {
  @TempDir static Path work;
  static FfmpegBinaries binaries;
  static Probe probe;
  static HlsTranscoder transcoder;

  @BeforeAll
  static void setUp() {
    binaries = TestClips.binaries();
    probe = new Probe(binaries, Duration.ofSeconds(30));
    transcoder = new HlsTranscoder(binaries, Duration.ofSeconds(120));
  }

  /** Records callbacks in order. */
  static final class Recorder implements TranscodeProgress {
    final List<String> ready = new ArrayList<>();
    final Map<String, Double> lastPercent = new ConcurrentHashMap<>();
    final Map<String, List<String>> masterWhenReady = new LinkedHashMap<>();
    private final Path outDir;

    Recorder(Path outDir) {
      this.outDir = outDir;
    }

    @Override
    public void percent(String rung, double percent) {
      lastPercent.put(rung, percent);
    }

    @Override
    public void rungReady(Rung rung, Path playlistDir) {
      ready.add(rung.name());
      assertThat(playlistDir.resolve("index.m3u8")).isRegularFile();
      try {
        masterWhenReady.put(rung.name(), variantUris(outDir.resolve("master.m3u8")));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void embeddedMovTextSubtitlesBecomeCaptionTracksInTheMaster() throws Exception {
    Path clip = TestClips.clip(work.resolve("subs-plain.mp4"), 640, 360, 3, true);
    Path english = work.resolve("en.srt");
    Files.writeString(english, "1\n00:00:00,500 --> 00:00:02,000\nHello from the source\n");
    Path untagged = work.resolve("x.srt");
    Files.writeString(untagged, "1\n00:00:01,000 --> 00:00:02,500\nNo language tag\n");
    Path source =
        TestClips.withMovText(
            clip,
            work.resolve("subs.mp4"),
            List.of(english, untagged),
            java.util.Arrays.asList("eng", null));
    MediaInfo info = probe.probe(source);
    assertThat(info.subtitles())
        .extracting(SubtitleStream::codec)
        .containsExactly("mov_text", "mov_text");
    Path out = work.resolve("subs-out");

    HlsOutput output = transcoder.transcode(source, info, out, new Recorder(out));

    assertThat(output.captions())
        .containsExactly(
            new ExtractedCaption("en", "English", false, 1),
            new ExtractedCaption("und", "Unknown language", false, 1));
    assertThat(Files.readString(out.resolve("captions/en.vtt")))
        .isEqualTo("WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nHello from the source\n");
    assertThat(Files.readString(out.resolve("captions/en.m3u8"))).contains("en.vtt\n");
    assertThat(out.resolve("captions")).isDirectoryNotContaining("glob:**.ffmpeg.vtt");
    String master = Files.readString(out.resolve("master.m3u8"));
    assertThat(master)
        .contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\","
                + "DEFAULT=NO,AUTOSELECT=YES,URI=\"captions/en.m3u8\"",
            "LANGUAGE=\"und\"",
            ",SUBTITLES=\"subs\"\n360p/index.m3u8");
  }

  @Test
  void aClipBecomesAPlayableLadderWithTheLowestRungReadyFirst() throws Exception {
    Path source = TestClips.clip(work.resolve("wide.mp4"), 854, 480, 3, true);
    Path out = work.resolve("wide-out");
    var recorder = new Recorder(out);

    HlsOutput output = transcoder.transcode(source, probe.probe(source), out, recorder);

    assertThat(output.rungs()).extracting(Rung::name).containsExactly("480p", "360p");
    assertThat(recorder.ready).containsExactly("360p", "480p");
    assertThat(recorder.masterWhenReady.get("360p")).containsExactly("360p/index.m3u8");
    assertThat(recorder.masterWhenReady.get("480p"))
        .containsExactlyInAnyOrder("360p/index.m3u8", "480p/index.m3u8");
    assertThat(recorder.lastPercent).containsOnlyKeys("360p", "480p");
    assertThat(recorder.lastPercent.values()).allSatisfy(p -> assertThat(p).isGreaterThan(90));

    List<String> master = Files.readAllLines(output.masterPlaylist());
    assertThat(master.getFirst()).isEqualTo("#EXTM3U");
    List<String> streams =
        master.stream().filter(line -> line.startsWith("#EXT-X-STREAM-INF:")).toList();
    assertThat(streams).hasSize(2);
    assertThat(streams.get(0)).contains("RESOLUTION=854x480", "CODECS=\"avc1.", "mp4a.40.2");
    assertThat(streams.get(1)).contains("RESOLUTION=640x360", "CODECS=\"avc1.", "mp4a.40.2");
    for (String uri : variantUris(output.masterPlaylist())) {
      assertVariantPlaylistIsComplete(out.resolve(uri));
      assertBandwidthCoversEverySegment(master, uri, out.resolve(uri));
    }
    assertThat(Files.list(out).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder(
            "master.m3u8", "480p", "360p", "thumbnail.jpg", "storyboard.jpg");

    BufferedImage poster = ImageIO.read(output.thumbnail().toFile());
    assertThat(poster.getWidth()).isEqualTo(640);
    assertThat(poster.getHeight()).isEqualTo(360);
    BufferedImage sprite = ImageIO.read(output.storyboard().toFile());
    TranscodeSettings settings = TranscodeSettings.load();
    assertThat(sprite.getWidth())
        .isEqualTo(settings.storyboardTileWidth() * settings.storyboardColumns());
  }

  @Test
  void everyRungHasKeyframesEveryTwoSecondsSoRenditionsSwitchCleanly() throws Exception {
    Path source = TestClips.clip(work.resolve("long.mp4"), 640, 360, 7, false);
    Path out = work.resolve("long-out");

    transcoder.transcode(source, probe.probe(source), out, new Recorder(out));

    JsonNode frames =
        ffprobeJson(
            out.resolve("360p"),
            "-show_entries",
            "frame=pts_time,key_frame",
            "-select_streams",
            "v:0",
            "concat:init.mp4|segment-00000.m4s|segment-00001.m4s");
    List<Double> keyframes = new ArrayList<>();
    for (JsonNode frame : frames.path("frames")) {
      if (frame.path("key_frame").asInt() == 1) {
        keyframes.add(frame.path("pts_time").asDouble());
      }
    }
    assertThat(keyframes).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 0; i < keyframes.size(); i++) {
      assertThat(keyframes.get(i) - keyframes.getFirst()).isCloseTo(2.0 * i, within());
    }
  }

  @Test
  void aRotatedPhoneClipStaysPortrait() throws Exception {
    Path landscape = TestClips.clip(work.resolve("phone-raw.mp4"), 640, 360, 2, true);
    Path upright = TestClips.rotated(landscape, work.resolve("phone.mp4"));
    Path out = work.resolve("phone-out");

    HlsOutput output = transcoder.transcode(upright, probe.probe(upright), out, new Recorder(out));

    assertThat(output.rungs()).containsExactly(new Rung("360p", 360, 640, 500, 64));
    JsonNode video = ffprobeJson(out.resolve("360p"), "-show_streams", "init.mp4");
    assertThat(video.path("streams").get(0).path("width").asInt()).isEqualTo(360);
    assertThat(video.path("streams").get(0).path("height").asInt()).isEqualTo(640);
    assertThat(video.path("streams").get(0).path("side_data_list").isMissingNode()).isTrue();
    assertThat(Files.readString(output.masterPlaylist())).contains("RESOLUTION=360x640");
    BufferedImage poster = ImageIO.read(output.thumbnail().toFile());
    assertThat(poster.getHeight()).isGreaterThan(poster.getWidth());
  }

  @Test
  void aClipWithoutSoundIsTranscodedWithoutAudio() throws Exception {
    Path source = TestClips.clip(work.resolve("silent.mp4"), 320, 240, 2, false);
    Path out = work.resolve("silent-out");

    HlsOutput output = transcoder.transcode(source, probe.probe(source), out, new Recorder(out));

    assertThat(output.rungs()).extracting(Rung::name).containsExactly("240p");
    String master = Files.readString(output.masterPlaylist());
    assertThat(master).contains("RESOLUTION=320x240").doesNotContain("mp4a");
    assertVariantPlaylistIsComplete(out.resolve("240p/index.m3u8"));
  }

  @Test
  void aPlaylistThatSlipsPastTheProbeMakesFfmpegFailWithoutConnectingAnywhere() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path playlist =
          Files.writeString(
              work.resolve("sneaky.mp4"),
              "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhttp://127.0.0.1:"
                  + listener.getLocalPort()
                  + "/segment.ts\n#EXTINF:2,\n"
                  + work.resolve("wide.mp4")
                  + "\n#EXT-X-ENDLIST\n");
      for (String claimedFormat : List.of("hls,applehttp", "mov,mp4,m4a,3gp,3g2,mj2")) {
        var forged = new MediaInfo(4, 640, 360, 25, false, 0, claimedFormat);

        assertThatThrownBy(
                () ->
                    transcoder.transcode(
                        playlist, forged, work.resolve("sneaky-out"), new Recorder(work)))
            .isInstanceOf(TranscodeFailedException.class);
      }
      ProbeTest.assertNoConnection(listener);
    }
  }

  @Test
  void progressLinesAreReadAsMicroseconds() {
    assertThat(HlsTranscoder.progressMicros("out_time_us=1500000")).isEqualTo(1_500_000);
    assertThat(HlsTranscoder.progressMicros("out_time_ms=2000000")).isEqualTo(2_000_000);
    assertThat(HlsTranscoder.progressMicros("out_time_us=N/A")).isEqualTo(-1);
    assertThat(HlsTranscoder.progressMicros("progress=continue")).isEqualTo(-1);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.05);
  }

  static List<String> variantUris(Path master) throws IOException {
    return Files.readAllLines(master).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .toList();
  }

  /** VOD playlist whose init section and every segment exist and are not empty. */
  static void assertVariantPlaylistIsComplete(Path playlist) throws IOException {
    List<String> lines = Files.readAllLines(playlist);
    assertThat(lines.getFirst()).isEqualTo("#EXTM3U");
    assertThat(lines).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST");
    String map =
        lines.stream().filter(l -> l.startsWith("#EXT-X-MAP:URI=")).findFirst().orElseThrow();
    assertThat(playlist.resolveSibling(map.substring(16, map.length() - 1))).isNotEmptyFile();
    List<String> segments = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(segments).isNotEmpty();
    for (String segment : segments) {
      assertThat(playlist.resolveSibling(segment)).isNotEmptyFile();
    }
  }

  /** BANDWIDTH must not under-state the peak segment bitrate (RFC 8216 4.3.4.2). */
  private static void assertBandwidthCoversEverySegment(
      List<String> master, String uri, Path playlist) throws IOException {
    String streamInf = master.get(master.indexOf(uri) - 1);
    long bandwidth = Long.parseLong(streamInf.replaceAll(".*[:,]BANDWIDTH=(\\d+).*", "$1"));
    List<String> lines = Files.readAllLines(playlist);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("#EXTINF:")) {
        double seconds = Double.parseDouble(lines.get(i).substring(8, lines.get(i).indexOf(',')));
        long bits = Files.size(playlist.resolveSibling(lines.get(i + 1))) * 8;
        assertThat(bits / seconds).isLessThanOrEqualTo(bandwidth);
      }
    }
  }

  private static JsonNode ffprobeJson(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(binaries.ffprobe().toString(), "-v", "error", "-print_format", "json"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    byte[] json = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return Json.mapper().readTree(json);
  }
}
