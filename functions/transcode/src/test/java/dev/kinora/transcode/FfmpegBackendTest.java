package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.Limits.MediaLimits;
import dev.kinora.shared.contract.Limits.TranscodeJobLimits;
import dev.kinora.transcode.ffmpeg.HlsOutput;
import dev.kinora.transcode.ffmpeg.MediaInfo;
import dev.kinora.transcode.ffmpeg.RejectedMediaException;
import dev.kinora.transcode.ffmpeg.Rung;
import dev.kinora.transcode.ffmpeg.TranscodeFailedException;
import dev.kinora.transcode.ffmpeg.TranscodeProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegBackendTest {
  private static final String VIDEO = "Vid0000001a";
  private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";
  private static final TranscodeJob JOB =
      new TranscodeJob(
          VIDEO, "raw", "raw/" + VIDEO + "/source", "media", "media/" + VIDEO + "/", TOKEN);
  private static final MediaInfo CLIP = new MediaInfo(4.0, 640, 360, 30, true, 0, "mov,mp4");
  private static final Rung RUNG_360 = new Rung("360p", 640, 360, 500, 64);

  @TempDir Path tmp;

  private final InMemoryObjectStorage storage = new InMemoryObjectStorage();
  private final RecordingPublisher published = new RecordingPublisher();
  private final List<Path> sourcesSeen = new ArrayList<>();

  private FfmpegBackend backend(FfmpegEngine engine, int workStorageMb) {
    return new FfmpegBackend(
        storage,
        engine,
        new MediaUploader(storage, new MediaFiles(new MediaLimits(31536000, 60, 3600)), 2),
        published,
        tmp,
        new TranscodeJobLimits(3, workStorageMb, 1000, 1.25, 2, 2.5, 600, 120));
  }

  /** Probes "video" sources as CLIP and writes a one-rung ladder. */
  private FfmpegEngine engine() {
    return new FfmpegEngine() {
      @Override
      public MediaInfo probe(Path source) throws RejectedMediaException, IOException {
        sourcesSeen.add(source);
        if (!Files.readString(source).startsWith("video")) {
          throw new RejectedMediaException("This file is not a video.");
        }
        return CLIP;
      }

      @Override
      public HlsOutput transcode(
          Path source, MediaInfo info, Path outDir, TranscodeProgress progress)
          throws IOException, TranscodeFailedException {
        progress.percent("360p", 50);
        Files.createDirectories(outDir.resolve("360p"));
        Files.writeString(outDir.resolve("360p/index.m3u8"), "#EXTM3U");
        Files.writeString(outDir.resolve("360p/segment0.ts"), "ts");
        Files.writeString(outDir.resolve("master.m3u8"), "#EXTM3U");
        Files.writeString(outDir.resolve("thumbnail.jpg"), "jpg");
        Files.writeString(outDir.resolve("storyboard.jpg"), "jpg");
        progress.rungReady(RUNG_360, outDir.resolve("360p"));
        return new HlsOutput(
            outDir,
            List.of(RUNG_360),
            outDir.resolve("master.m3u8"),
            outDir.resolve("thumbnail.jpg"),
            outDir.resolve("storyboard.jpg"));
      }
    };
  }

  private void source(String content) {
    storage.with("raw", JOB.sourceKey(), content.getBytes(StandardCharsets.UTF_8));
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.toList();
    }
  }

  @Test
  void aVideoIsTranscodedUploadedAndItsWorkDirectoryRemoved() throws Exception {
    source("video bytes");

    var outcome = backend(engine(), 100).transcode(JOB);

    assertThat(outcome)
        .isEqualTo(
            new TranscodeOutcome.Finished(
                new ReadyVideo(
                    List.of("360p"),
                    4.0,
                    "/media/" + VIDEO + "/poster-" + TOKEN + ".jpg",
                    "/media/" + VIDEO + "/master.m3u8",
                    "/media/" + VIDEO + "/storyboard.jpg")));
    // Uploads run in parallel: the poster and the storyboard may land in either order; what is
    // promised is a rendition's segments before its playlist and the master playlist last.
    List<String> uploaded = storage.uploadedKeys();
    assertThat(uploaded)
        .containsExactlyInAnyOrder(
            "media/" + VIDEO + "/360p/segment0.ts",
            "media/" + VIDEO + "/360p/index.m3u8",
            "media/" + VIDEO + "/storyboard.jpg",
            "media/" + VIDEO + "/poster-" + TOKEN + ".jpg",
            "media/" + VIDEO + "/master.m3u8");
    assertThat(uploaded.indexOf("media/" + VIDEO + "/360p/segment0.ts"))
        .isLessThan(uploaded.indexOf("media/" + VIDEO + "/360p/index.m3u8"));
    assertThat(uploaded.getLast()).isEqualTo("media/" + VIDEO + "/master.m3u8");
    assertThat(published.events).containsExactly("progress " + VIDEO + " 360p 50.0");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aRejectedSourceIsRejectedWithTheProbesReasonAndCleanedUp() throws Exception {
    source("just some text");

    var outcome = backend(engine(), 100).transcode(JOB);

    assertThat(outcome).isEqualTo(new TranscodeOutcome.Rejected("This file is not a video."));
    assertThat(storage.uploads).isEmpty();
    assertThat(sourcesSeen).hasSize(1).allSatisfy(p -> assertThat(p).doesNotExist());
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aFailingTranscodeLeavesNothingBehindAndPropagates() throws Exception {
    source("video bytes");
    FfmpegEngine failing =
        new FfmpegEngine() {
          @Override
          public MediaInfo probe(Path source) {
            return CLIP;
          }

          @Override
          public HlsOutput transcode(
              Path source, MediaInfo info, Path outDir, TranscodeProgress progress)
              throws IOException, TranscodeFailedException {
            Files.writeString(outDir.resolve("half-written.ts"), "ts");
            throw new TranscodeFailedException("ffmpeg exited with 1");
          }
        };

    assertThatThrownBy(() -> backend(failing, 100).transcode(JOB))
        .isInstanceOf(TranscodeFailedException.class);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aRetryClearsWhatAnEarlierAttemptLeftInTheSameContainer() throws Exception {
    source("video bytes");
    Path stale = Files.createDirectories(tmp.resolve("transcode-" + VIDEO).resolve("out/720p"));
    Files.writeString(stale.resolve("segment9.ts"), "stale");

    backend(engine(), 100).transcode(JOB);

    assertThat(storage.uploadedKeys()).noneMatch(k -> k.contains("720p"));
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aSourceWhoseOutputsWouldNotFitTheWorkStorageIsRejectedBeforeTranscoding() throws Exception {
    // 1 MB of work storage; a 4 s clip's 360p rung alone is ~0.35 MB, so a 0.8 MB source is too
    // much
    source("video" + "x".repeat(800_000));

    var outcome = backend(engine(), 1).transcode(JOB);

    assertThat(outcome).isInstanceOf(TranscodeOutcome.Rejected.class);
    assertThat(((TranscodeOutcome.Rejected) outcome).reason()).contains("too long or too large");
    assertThat(storage.uploads).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aSourceLargerThanTheWorkStorageIsNotEvenDownloaded() throws Exception {
    source("video" + "x".repeat(2 * 1024 * 1024));

    var outcome = backend(engine(), 1).transcode(JOB);

    assertThat(outcome).isInstanceOf(TranscodeOutcome.Rejected.class);
    assertThat(sourcesSeen).isEmpty();
  }

  @Test
  void theLowestRungIsPublishedAndPlayableBeforeTheRestOfTheLadder() throws Exception {
    source("video bytes");
    MediaInfo hd = new MediaInfo(4.0, 1280, 720, 30, true, 0, "mov,mp4");
    Rung rung720 = new Rung("720p", 1280, 720, 2500, 128);
    List<String> playable = new ArrayList<>();
    List<String> uploadsWhenPlayable = new ArrayList<>();
    FfmpegEngine twoPasses =
        new FfmpegEngine() {
          @Override
          public MediaInfo probe(Path source) {
            return hd;
          }

          @Override
          public HlsOutput transcode(
              Path source, MediaInfo info, Path outDir, TranscodeProgress progress)
              throws IOException {
            Files.createDirectories(outDir.resolve("360p"));
            Files.writeString(outDir.resolve("360p/index.m3u8"), "#EXTM3U 360");
            Files.writeString(outDir.resolve("360p/segment0.m4s"), "m4s");
            Files.writeString(outDir.resolve("master.m3u8"), "#EXTM3U 360p only");
            progress.rungReady(RUNG_360, outDir.resolve("360p"));
            // The engine rewrites the master for the next pass while the early upload may run.
            Files.createDirectories(outDir.resolve("720p"));
            Files.writeString(outDir.resolve("720p/index.m3u8"), "#EXTM3U 720");
            Files.writeString(outDir.resolve("720p/segment0.m4s"), "m4s");
            Files.writeString(outDir.resolve("master.m3u8"), "#EXTM3U full");
            progress.rungReady(rung720, outDir.resolve("720p"));
            return new HlsOutput(
                outDir, List.of(rung720, RUNG_360), outDir.resolve("master.m3u8"), null, null);
          }
        };
    var backend =
        new FfmpegBackend(
            storage,
            twoPasses,
            new MediaUploader(storage, new MediaFiles(new MediaLimits(31536000, 60, 3600)), 2),
            published,
            tmp,
            new TranscodeJobLimits(3, 100, 1000, 1.25, 2, 2.5, 600, 120),
            null,
            (videoId, rungs, url) -> {
              playable.add(videoId + " " + rungs + " " + url);
              uploadsWhenPlayable.addAll(storage.uploadedKeys());
            });

    backend.transcode(JOB);

    String media = "media/" + VIDEO + "/";
    assertThat(playable).containsExactly(VIDEO + " [360p] /" + media + "master.m3u8");
    assertThat(uploadsWhenPlayable)
        .containsExactly(
            media + "360p/segment0.m4s", media + "360p/index.m3u8", media + "master.m3u8");
    var masters = storage.uploads.stream().filter(u -> u.key().endsWith("master.m3u8")).toList();
    assertThat(masters).hasSize(2);
    assertThat(new String(masters.get(0).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("#EXTM3U 360p only");
    assertThat(masters.get(0).cacheControl()).isEqualTo("no-cache");
    assertThat(new String(masters.get(1).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("#EXTM3U full");
    assertThat(masters.get(1).cacheControl()).isEqualTo("public, max-age=60");
    assertThat(storage.uploadedKeys().getLast()).isEqualTo(media + "master.m3u8");
    assertThat(storage.uploadedKeys())
        .as("the early rung is not uploaded twice")
        .containsOnlyOnce(media + "360p/segment0.m4s");
    assertThat(leftovers()).isEmpty();
  }
}
