package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Caption tracks end to end: the repository's template.yaml in the local cloud, a ready video row
 * and its master playlist as transcode leaves them, requests through the front door as the owner, a
 * stranger and an anonymous visitor.
 */
@KinoraCloud
class CaptionsCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private static final String MASTER =
      "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=1100000,AVERAGE-BANDWIDTH=900000,RESOLUTION=1280x720,"
          + "FRAME-RATE=30.000,CODECS=\"avc1.64001f,mp4a.40.2\"\n720p/index.m3u8\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=600000,AVERAGE-BANDWIDTH=500000,RESOLUTION=640x360,"
          + "FRAME-RATE=30.000,CODECS=\"avc1.64001e,mp4a.40.2\"\n360p/index.m3u8\n";
  private static final String SRT =
      "\uFEFF1\r\n00:00:01,000 --> 00:00:04,000\r\nHello there\r\n\r\n"
          + "2\r\n00:00:03,500 --> 00:00:06,250\r\nOverlapping is fine\r\n";

  private final LocalCloud cloud;

  CaptionsCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void anUploadedSrtIsStoredAsWebVttAndTheMasterGainsTheSubtitleRendition() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = readyVideo(owner, "public");

    Visitor.Reply put = owner.send("PUT", captions(id) + "/EN-us", upload("English", "srt", SRT));

    assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
    assertThat(CONTRACT.validate("CaptionTrackResponse", put.body())).isEmpty();
    assertThat(put.data().path("language").asText()).isEqualTo("en-US");
    assertThat(put.data().path("cueCount").asInt()).isEqualTo(2);
    assertThat(put.data().path("url").asText()).isEqualTo("/media/" + id + "/captions/en-US.vtt");
    Visitor anonymous = new Visitor(cloud);
    Visitor.Reply vtt = anonymous.get("/media/" + id + "/captions/en-US.vtt");
    assertThat(vtt.status()).isEqualTo(200);
    assertThat(vtt.raw().headers().firstValue("content-type").orElseThrow()).startsWith("text/vtt");
    assertThat(vtt.raw().body())
        .isEqualTo(
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello there\n\n"
                + "00:00:03.500 --> 00:00:06.250\nOverlapping is fine\n");
    String playlist = anonymous.get("/media/" + id + "/captions/en-US.m3u8").raw().body();
    assertThat(playlist).contains("#EXTINF:100.000,\nen-US.vtt\n", "#EXT-X-ENDLIST");
    String master = anonymous.get("/media/" + id + "/master.m3u8").raw().body();
    assertThat(master)
        .contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en-US\","
                + "DEFAULT=NO,AUTOSELECT=YES,URI=\"captions/en-US.m3u8\"")
        .contains("CODECS=\"avc1.64001f,mp4a.40.2\",SUBTITLES=\"subs\"\n720p/index.m3u8")
        .contains("CODECS=\"avc1.64001e,mp4a.40.2\",SUBTITLES=\"subs\"\n360p/index.m3u8");

    Visitor.Reply list = anonymous.get(captions(id));
    assertThat(list.status()).isEqualTo(200);
    assertThat(CONTRACT.validate("CaptionTrackListResponse", list.body())).isEmpty();
    assertThat(list.data().size()).isEqualTo(1);
    assertThat(list.data().at("/0/source").asText()).isEqualTo("upload");
  }

  @Test
  void replacingAndDeletingKeepTheMasterConsistentAndTheLastDeleteRemovesTheGroup() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = readyVideo(owner, "public");
    assertThat(owner.send("PUT", captions(id) + "/fr", upload("Français", "srt", SRT)).status())
        .isEqualTo(200);
    assertThat(owner.send("PUT", captions(id) + "/de", upload("Deutsch", "srt", SRT)).status())
        .isEqualTo(200);
    String twoTracks = master(id);
    assertThat(owner.send("PUT", captions(id) + "/fr", upload("Français", "srt", SRT)).status())
        .isEqualTo(200);
    assertThat(master(id)).isEqualTo(twoTracks);

    assertThat(owner.send("DELETE", captions(id) + "/fr", null).status()).isEqualTo(204);
    assertThat(master(id)).contains("LANGUAGE=\"de\"").doesNotContain("LANGUAGE=\"fr\"");
    assertThat(new Visitor(cloud).get("/media/" + id + "/captions/fr.vtt").status()).isIn(403, 404);
    assertThat(owner.send("DELETE", captions(id) + "/de", null).status()).isEqualTo(204);
    assertThat(master(id)).isEqualTo(MASTER);
    assertThat(owner.get(captions(id)).data().size()).isZero();
    assertThat(owner.send("DELETE", captions(id) + "/de", null).code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aStrangerCannotUploadOrDeleteAndAPrivateVideosCaptionsLeakNowhere() {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    String open = readyVideo(owner, "public");
    String hidden = readyVideo(owner, "private");

    Visitor.Reply onPublic = stranger.send("PUT", captions(open) + "/en", upload("E", "srt", SRT));
    assertThat(onPublic.status()).isEqualTo(403);
    assertThat(onPublic.code()).isEqualTo("FORBIDDEN");
    Visitor.Reply onPrivate =
        stranger.send("PUT", captions(hidden) + "/en", upload("E", "srt", SRT));
    assertThat(onPrivate.status()).isEqualTo(404);
    assertThat(onPrivate.code()).isEqualTo("VIDEO_NOT_FOUND");

    assertThat(owner.send("PUT", captions(hidden) + "/en", upload("E", "srt", SRT)).status())
        .isEqualTo(200);
    assertThat(owner.send("PUT", captions(open) + "/en", upload("E", "srt", SRT)).status())
        .isEqualTo(200);
    assertThat(stranger.send("DELETE", captions(open) + "/en", null).status()).isEqualTo(403);
    for (Visitor other : new Visitor[] {stranger, new Visitor(cloud)}) {
      assertThat(other.get(captions(hidden)).code()).isEqualTo("VIDEO_NOT_FOUND");
      assertThat(other.get("/media/" + hidden + "/captions/en.vtt").status()).isEqualTo(403);
      assertThat(other.get("/media/" + hidden + "/captions/en.m3u8").status()).isEqualTo(403);
      assertThat(other.get("/media/" + hidden + "/master.m3u8").status()).isEqualTo(403);
    }
    assertThat(owner.get("/media/" + hidden + "/captions/en.vtt").status()).isEqualTo(200);
    assertThat(owner.get(captions(hidden)).data().size()).isEqualTo(1);
  }

  @Test
  void badFilesAreAnsweredWithTheirLineAndOversizedOnesAreTooLarge() {
    Visitor owner = Visitor.signedUp(cloud);
    String id = readyVideo(owner, "public");

    Visitor.Reply malformed =
        owner.send(
            "PUT",
            captions(id) + "/en",
            upload("English", "srt", "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:3 --> x\n"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("VALIDATION_ERROR");
    assertThat(malformed.body().at("/error/details/issues/0/path").asText()).isEqualTo("/text");
    assertThat(malformed.body().at("/error/details/issues/0/message").asText())
        .startsWith("line 6: malformed cue timing");

    int max = CONTRACT.limitInteger("captions.maxFileBytes");
    String big = SRT + "\n" + "x".repeat(max);
    Visitor.Reply tooBig = owner.send("PUT", captions(id) + "/en", upload("English", "srt", big));
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.code()).isEqualTo("FILE_TOO_LARGE");

    assertThat(owner.send("PUT", captions(id) + "/english", upload("E", "srt", SRT)).code())
        .isEqualTo("VALIDATION_ERROR");
    Visitor.Reply badKind =
        owner.send(
            "PUT",
            captions(id) + "/en",
            Json.write(Map.of("label", "E", "kind", "chapters", "format", "srt", "text", SRT)));
    assertThat(badKind.body().at("/error/details/issues/0/path").asText()).isEqualTo("/kind");
    assertThat(owner.get(captions(id)).data().size()).isZero();
    assertThat(master(id)).isEqualTo(MASTER);
  }

  // ------------------------------------------------------------------------ helpers

  private String readyVideo(Visitor owner, String visibility) {
    String id = VideoRows.ready(cloud, owner).visibility(visibility).durationSeconds(100).put();
    cloud
        .s3()
        .putObject(
            r ->
                r.bucket(cloud.physicalName("MediaBucket"))
                    .key("media/" + id + "/master.m3u8")
                    .contentType("application/vnd.apple.mpegurl"),
            RequestBody.fromString(MASTER));
    return id;
  }

  private String master(String id) {
    return cloud
        .s3()
        .getObjectAsBytes(
            r -> r.bucket(cloud.physicalName("MediaBucket")).key("media/" + id + "/master.m3u8"))
        .asUtf8String();
  }

  private static String captions(String id) {
    return "/api/v1/videos/" + id + "/captions";
  }

  private static String upload(String label, String format, String text) {
    return Json.write(Map.of("label", label, "kind", "subtitles", "format", format, "text", text));
  }
}
