package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.model.CaptionFormat;
import dev.kinora.shared.model.CaptionKind;
import dev.kinora.shared.model.CaptionTrack;
import dev.kinora.shared.model.CaptionTrackUpload;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import dev.kinora.videos.captions.CaptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaptionServiceTest {
  private static final String ID = "vid00000001";
  private static final String MASTER =
      "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=600000,RESOLUTION=640x360,CODECS=\"avc1.64001e,mp4a.40.2\"\n"
          + "360p/index.m3u8\n";
  private static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\nHello\n";

  private final InMemoryVideoStore store = new InMemoryVideoStore();
  private final InMemoryCaptions captions = new InMemoryCaptions(store);
  private final CaptionService service =
      InMemoryCaptions.service(
          InMemoryPlayback.service(store, new InMemoryPlayback(), SampleVideos.CREATED),
          captions,
          SampleVideos.CREATED,
          2);

  @BeforeEach
  void aReadyPublicVideoWithAMaster() {
    store.put(SampleVideos.video(ID, VideoVisibility.PUBLIC, VideoStatus.READY));
    captions.files.put("media/" + ID + "/master.m3u8", MASTER);
  }

  private static CaptionTrackUpload srt(String text) {
    return new CaptionTrackUpload("English", CaptionKind.SUBTITLES, CaptionFormat.SRT, text);
  }

  @Test
  void anUploadedSrtIsPublishedAsWebVttAndListedInTheMaster() {
    CaptionTrack track = service.put(ID, SampleVideos.OWNER, "en", srt(SRT));
    assertThat(track.url()).isEqualTo("/media/" + ID + "/captions/en.vtt");
    assertThat(track.cueCount()).isEqualTo(1);
    assertThat(captions.files.get("media/" + ID + "/captions/en.vtt"))
        .isEqualTo("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\n");
    assertThat(captions.files.get("media/" + ID + "/captions/en.m3u8"))
        .contains("#EXTINF:12.500,\nen.vtt\n"); // the video's duration
    assertThat(captions.files.get("media/" + ID + "/master.m3u8"))
        .contains("TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\"")
        .contains("SUBTITLES=\"subs\"\n360p/index.m3u8");
    assertThat(service.list(ID, null)).containsExactly(track);
  }

  @Test
  void replacingALanguageKeepsOneRenditionAndDeletingTheLastRemovesTheGroup() {
    service.put(ID, SampleVideos.OWNER, "en", srt(SRT));
    String once = captions.files.get("media/" + ID + "/master.m3u8");
    service.put(ID, SampleVideos.OWNER, "en", srt(SRT));
    assertThat(captions.files.get("media/" + ID + "/master.m3u8")).isEqualTo(once);
    service.delete(ID, SampleVideos.OWNER, "en");
    assertThat(captions.files.get("media/" + ID + "/master.m3u8")).isEqualTo(MASTER);
    assertThat(captions.files).doesNotContainKey("media/" + ID + "/captions/en.vtt");
    assertThat(service.list(ID, SampleVideos.OWNER)).isEmpty();
  }

  @Test
  void aStrangerCannotUploadToAVideoTheyCanSeeNorFindAPrivateOne() {
    assertThatThrownBy(() -> service.put(ID, "stranger", "en", srt(SRT)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    store.put(SampleVideos.video(ID, VideoVisibility.PRIVATE, VideoStatus.READY));
    assertThatThrownBy(() -> service.put(ID, "stranger", "en", srt(SRT)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VIDEO_NOT_FOUND));
    assertThatThrownBy(() -> service.list(ID, "stranger"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VIDEO_NOT_FOUND));
    assertThatThrownBy(() -> service.delete(ID, "stranger", "en"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VIDEO_NOT_FOUND));
  }

  @Test
  void aBadFileIsAValidationErrorAtTextWithTheLine() {
    assertThatThrownBy(
            () -> service.put(ID, SampleVideos.OWNER, "en", srt("1\n00:00:01 --> 00:00:02\nHi\n")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
              assertThat(e.details().orElseThrow().issues())
                  .singleElement()
                  .satisfies(
                      issue -> {
                        assertThat(issue.path()).isEqualTo("/text");
                        assertThat(issue.message()).startsWith("line 2: malformed cue timing");
                      });
            });
    assertThat(captions.files).hasSize(1); // only the master
  }

  @Test
  void aFileOverTheLimitIsTooLarge() {
    String big = SRT + "x".repeat(5000);
    assertThatThrownBy(() -> service.put(ID, SampleVideos.OWNER, "en", srt(big)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE));
  }

  @Test
  void captionsWaitForTheVideoToBeReady() {
    store.put(SampleVideos.video(ID, VideoVisibility.PUBLIC, VideoStatus.PROCESSING));
    assertThatThrownBy(() -> service.put(ID, SampleVideos.OWNER, "en", srt(SRT)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
  }

  @Test
  void oneLanguageMoreThanTheMaximumIsAConflictAndLeavesNoFiles() {
    service.put(ID, SampleVideos.OWNER, "en", srt(SRT));
    service.put(ID, SampleVideos.OWNER, "fr", srt(SRT));
    assertThatThrownBy(() -> service.put(ID, SampleVideos.OWNER, "de", srt(SRT)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThat(captions.files).doesNotContainKey("media/" + ID + "/captions/de.vtt");
    service.put(ID, SampleVideos.OWNER, "fr", srt(SRT)); // replacing is not one more
  }

  @Test
  void deletingALanguageWithoutATrackIsNotFound() {
    assertThatThrownBy(() -> service.delete(ID, SampleVideos.OWNER, "en"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void languageTagsAreCheckedAndCanonicalised() {
    assertThat(CaptionService.language("EN-us")).isEqualTo("en-US");
    assertThatThrownBy(() -> CaptionService.language("../../master"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.details().orElseThrow().issues().get(0).path())
                    .isEqualTo("/language"));
  }
}
