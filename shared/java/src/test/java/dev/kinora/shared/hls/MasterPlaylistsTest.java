package dev.kinora.shared.hls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.hls.MasterPlaylists.Subtitle;
import dev.kinora.shared.hls.MasterPlaylists.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterPlaylistsTest {
  private static final List<Variant> LADDER =
      List.of(
          new Variant(
              "BANDWIDTH=1100000,AVERAGE-BANDWIDTH=900000,RESOLUTION=854x480,CODECS=\"avc1.64001e,mp4a.40.2\"",
              "480p/index.m3u8"),
          new Variant(
              "BANDWIDTH=600000,AVERAGE-BANDWIDTH=500000,RESOLUTION=640x360,CODECS=\"avc1.64001e,mp4a.40.2\"",
              "360p/index.m3u8"));

  @Test
  void withoutTracksThereIsNoSubtitleGroup() {
    String master = MasterPlaylists.render(LADDER, List.of());
    assertThat(master).doesNotContain("SUBTITLES").doesNotContain("EXT-X-MEDIA");
    assertThat(master)
        .isEqualTo(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"
                + "#EXT-X-STREAM-INF:"
                + LADDER.get(0).attributes()
                + "\n480p/index.m3u8\n#EXT-X-STREAM-INF:"
                + LADDER.get(1).attributes()
                + "\n360p/index.m3u8\n");
  }

  @Test
  void tracksBecomeOneSubtitleGroupNamedOnEveryVariant() {
    String master =
        MasterPlaylists.render(
            LADDER,
            List.of(
                new Subtitle("en", "English", true, "captions/en.m3u8"),
                new Subtitle("fr", "Français", false, "captions/fr.m3u8")));
    assertThat(master)
        .contains(
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\","
                + "DEFAULT=NO,AUTOSELECT=YES,CHARACTERISTICS=\"public.accessibility.transcribes-spoken-dialog,"
                + "public.accessibility.describes-music-and-sound\",URI=\"captions/en.m3u8\"\n",
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Français\",LANGUAGE=\"fr\","
                + "DEFAULT=NO,AUTOSELECT=YES,URI=\"captions/fr.m3u8\"\n");
    assertThat(master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF:")))
        .hasSize(2)
        .allMatch(l -> l.endsWith(",SUBTITLES=\"subs\""));
    // The group comes before the variants that use it.
    assertThat(master.indexOf("EXT-X-MEDIA")).isLessThan(master.indexOf("EXT-X-STREAM-INF"));
  }

  @Test
  void rerenderingAPublishedMasterIsIdempotentAndRemovingTheLastTrackRemovesTheGroup() {
    List<Subtitle> english = List.of(new Subtitle("en", "English", false, "captions/en.m3u8"));
    String once = MasterPlaylists.render(LADDER, english);
    assertThat(MasterPlaylists.variants(once)).isEqualTo(LADDER);
    assertThat(MasterPlaylists.withSubtitles(once, english)).isEqualTo(once);
    assertThat(MasterPlaylists.withSubtitles(once, List.of()))
        .isEqualTo(MasterPlaylists.render(LADDER, List.of()));
  }

  @Test
  void namesStayUniqueAndQuotable() {
    String master =
        MasterPlaylists.render(
            LADDER,
            List.of(
                new Subtitle("en", "English \"SDH\"", false, "captions/en.m3u8"),
                new Subtitle("en-GB", "English 'SDH'", false, "captions/en-GB.m3u8")));
    assertThat(master).contains("NAME=\"English 'SDH'\",", "NAME=\"English 'SDH' (en-GB)\",");
  }

  @Test
  void aMasterWrittenByFfmpegIsReadToo() {
    String ffmpeg =
        "#EXTM3U\r\n#EXT-X-VERSION:6\r\n#EXT-X-STREAM-INF:BANDWIDTH=140800,RESOLUTION=640x360,"
            + "CODECS=\"avc1.64001e,mp4a.40.2\"\r\n\r\n360p/index.m3u8\r\n";
    assertThat(MasterPlaylists.variants(ffmpeg))
        .containsExactly(
            new Variant(
                "BANDWIDTH=140800,RESOLUTION=640x360,CODECS=\"avc1.64001e,mp4a.40.2\"",
                "360p/index.m3u8"));
  }

  @Test
  void aSubtitlePlaylistHasTheWholeFileAsOneSegment() {
    assertThat(SubtitlePlaylists.render("en.vtt", 12.4))
        .isEqualTo(
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:13\n#EXT-X-MEDIA-SEQUENCE:0\n"
                + "#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:12.400,\nen.vtt\n#EXT-X-ENDLIST\n");
  }
}
