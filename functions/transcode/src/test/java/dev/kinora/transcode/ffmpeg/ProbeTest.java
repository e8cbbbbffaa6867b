package dev.kinora.transcode.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probing real files made by the layer's ffmpeg, and every kind of poison upload. */
class ProbeTest {
  @TempDir static Path clips;
  static Path landscape;
  static Path silent;
  static FfmpegBinaries binaries;
  static Probe probe;

  @BeforeAll
  static void makeClips() throws IOException {
    binaries = TestClips.binaries();
    probe = new Probe(binaries, Duration.ofSeconds(30));
    landscape = TestClips.clip(clips.resolve("landscape.mp4"), 640, 360, 2, true);
    silent = TestClips.clip(clips.resolve("silent.mp4"), 320, 240, 2, false);
  }

  private static String rejection(Path file) {
    return rejection(probe, file);
  }

  private static String rejection(Probe probe, Path file) {
    try {
      MediaInfo info = probe.probe(file);
      throw new AssertionError(file + " was accepted: " + info);
    } catch (RejectedMediaException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRealClipIsDescribed() throws Exception {
    MediaInfo info = probe.probe(landscape);

    assertThat(info.width()).isEqualTo(640);
    assertThat(info.height()).isEqualTo(360);
    assertThat(info.durationSeconds()).isCloseTo(2, within(0.2));
    assertThat(info.frameRate()).isCloseTo(25, within(0.01));
    assertThat(info.hasAudio()).isTrue();
    assertThat(info.rotation()).isZero();
    assertThat(info.formatName()).contains("mp4");
  }

  @Test
  void aClipWithoutSoundHasNoAudio() throws Exception {
    MediaInfo info = probe.probe(silent);

    assertThat(info.hasAudio()).isFalse();
    assertThat(info.width()).isEqualTo(320);
  }

  @Test
  void aRotatedPhoneClipIsPortrait() throws Exception {
    Path upright = TestClips.rotated(landscape, clips.resolve("upright.mp4"));

    MediaInfo info = probe.probe(upright);

    assertThat(info.rotation() % 180).isEqualTo(90);
    assertThat(info.width()).isEqualTo(360);
    assertThat(info.height()).isEqualTo(640);
  }

  @Test
  void anEmptyFileIsRejected() throws IOException {
    Path empty = Files.createFile(clips.resolve("empty.mp4"));

    assertThat(rejection(empty)).isEqualTo("The file is empty (0 bytes), so there is no video.");
  }

  @Test
  void aTextFileRenamedToMp4IsRejected() throws IOException {
    Path text = Files.writeString(clips.resolve("notes.mp4"), "Meeting notes\nbuy milk\n");

    assertThat(rejection(text)).isEqualTo("The file is text, not a video.");
  }

  @Test
  void anUploadCutShortIsRejectedAsIncomplete() throws IOException {
    Path cut = TestClips.firstHalf(landscape, clips.resolve("cut.mp4"));

    assertThat(rejection(cut)).startsWith("The file is incomplete");
  }

  @Test
  void anUploadCutShortWithItsIndexFirstIsRejectedAsIncomplete() throws Exception {
    Path fastStart = TestClips.fastStart(landscape, clips.resolve("faststart.mp4"));
    Path cut = TestClips.firstHalf(fastStart, clips.resolve("faststart-cut.mp4"));

    assertThat(probe.probe(fastStart).hasAudio()).isTrue();
    assertThat(rejection(cut)).startsWith("The file is incomplete");
  }

  @Test
  void anAudioFileIsRejectedForHavingNoVideo() throws IOException {
    Path audio = TestClips.audioOnly(clips.resolve("song.mp4"), 2);

    assertThat(rejection(audio)).startsWith("The file has no video stream");
  }

  @Test
  void bytesThatAreNoVideoFormatAreRejected() throws IOException {
    byte[] noise = new byte[8192];
    new java.util.Random(7).nextBytes(noise);
    noise[0] = 0;
    Path garbage = Files.write(clips.resolve("noise.mp4"), noise);

    assertThat(rejection(garbage)).startsWith("The file is not a video Kinora can read");
  }

  @Test
  void aVideoLongerThanTheLimitIsRejected() {
    Probe strict = new Probe(binaries, Duration.ofSeconds(30), withLimits(1, 7680));

    assertThat(rejection(strict, landscape)).isEqualTo("The video is 2 s long; the limit is 1 s.");
  }

  @Test
  void aVideoLargerThanTheLimitIsRejected() {
    Probe strict = new Probe(binaries, Duration.ofSeconds(30), withLimits(10800, 320));

    assertThat(rejection(strict, landscape))
        .isEqualTo("The video is 640x360 pixels; each side must be between 16 and 320 pixels.");
  }

  @Test
  void anHlsPlaylistDisguisedAsMp4IsRejectedWithoutConnectingAnywhere() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path playlist =
          Files.writeString(
              clips.resolve("playlist.mp4"),
              "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhttp://127.0.0.1:"
                  + listener.getLocalPort()
                  + "/segment.ts\n#EXT-X-ENDLIST\n");

      assertThat(rejection(playlist)).contains("HLS playlist");
      assertNoConnection(listener);
    }
  }

  @Test
  void aConcatListDisguisedAsMp4IsRejectedWithoutReadingTheFileItNames() throws IOException {
    Path list =
        Files.writeString(
            clips.resolve("concat.mp4"), "ffconcat version 1.0\nfile '" + landscape + "'\n");

    assertThat(rejection(list)).contains("concat list");
  }

  @Test
  void rotationIsReadFromTheDisplayMatrixOrTheRotateTag() throws IOException {
    var mapper = dev.kinora.shared.json.Json.mapper();

    assertThat(Probe.rotation(mapper.readTree("{\"side_data_list\":[{\"rotation\":-90}]}")))
        .isEqualTo(90);
    assertThat(Probe.rotation(mapper.readTree("{\"side_data_list\":[{\"rotation\":180}]}")))
        .isEqualTo(180);
    assertThat(Probe.rotation(mapper.readTree("{\"tags\":{\"rotate\":\"270\"}}"))).isEqualTo(270);
    assertThat(Probe.rotation(mapper.readTree("{\"width\":640}"))).isZero();
  }

  static void assertNoConnection(ServerSocket listener) throws IOException {
    listener.setSoTimeout(300);
    try {
      listener.accept().close();
      throw new AssertionError("ffmpeg connected to " + listener.getLocalSocketAddress());
    } catch (SocketTimeoutException expected) {
      // nobody knocked
    }
  }

  private static TranscodeSettings withLimits(int maxDurationSeconds, int maxDimension) {
    TranscodeSettings s = TranscodeSettings.load();
    return new TranscodeSettings(
        s.ladder(),
        s.keyframeIntervalSeconds(),
        s.segmentSeconds(),
        s.maxOutputFrameRate(),
        s.audioChannels(),
        s.x264Preset(),
        s.maxRateFactor(),
        s.bufferFactor(),
        maxDurationSeconds,
        s.minDimension(),
        maxDimension,
        s.thumbnailPositionFraction(),
        s.thumbnailWidth(),
        s.storyboardTileWidth(),
        s.storyboardColumns(),
        s.storyboardRows(),
        s.probeTimeoutSeconds(),
        s.ffmpegTimeoutSeconds());
  }
}
