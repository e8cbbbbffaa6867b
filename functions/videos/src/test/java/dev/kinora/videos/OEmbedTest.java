package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import org.junit.jupiter.api.Test;

class OEmbedTest {
  private static final ObjectNode LIMITS =
      Json.mapper().createObjectNode().put("defaultWidth", 640).put("minWidth", 200);
  private final OEmbed oembed = new OEmbed(LIMITS, 640);

  @Test
  void watchAndEmbedLinksNameTheirVideoOriginAndStart() {
    assertThat(OEmbed.parse("https://Kinora.Example/watch/dQw4w9WgXcQ"))
        .contains(new OEmbed.Link("https://kinora.example", "dQw4w9WgXcQ", 0));
    assertThat(OEmbed.parse("http://127.0.0.1:8080/embed/dQw4w9WgXcQ?t=90"))
        .contains(new OEmbed.Link("http://127.0.0.1:8080", "dQw4w9WgXcQ", 90));
    assertThat(OEmbed.parse("https://kinora.example/watch/dQw4w9WgXcQ?list=x&t=7"))
        .contains(new OEmbed.Link("https://kinora.example", "dQw4w9WgXcQ", 7));
  }

  @Test
  void anythingElseIsNotOneOfOurLinks() {
    for (String url :
        new String[] {
          "javascript:alert(1)",
          "ftp://kinora.example/watch/dQw4w9WgXcQ",
          "https://kinora.example/watch/short",
          "https://kinora.example/watch/dQw4w9WgXcQ/extra",
          "https://kinora.example/c/someone",
          "https://user:pass@kinora.example/watch/dQw4w9WgXcQ",
          "//kinora.example/watch/dQw4w9WgXcQ",
          "https://kinora.example/watch/dQw4w9WgXc%51",
          "not a url at all",
        }) {
      assertThat(OEmbed.parse(url)).as(url).isEmpty();
    }
  }

  @Test
  void thePlayerShrinksToTheConsumersBoundsAt16By9ButNeverBelowTheMinimum() {
    assertThat(oembed.size(null, null)).containsExactly(640, 360);
    assertThat(oembed.size(480, null)).containsExactly(480, 270);
    assertThat(oembed.size(1920, 180)).containsExactly(320, 180);
    assertThat(oembed.size(50, null)).containsExactly(200, 113);
  }

  @Test
  void aTitleCannotBreakOutOfTheIframeMarkup() {
    StoredVideo video =
        withTitle(
            SampleVideos.video("dQw4w9WgXcQ", VideoVisibility.PUBLIC, VideoStatus.READY),
            "\"><script>alert('x')</script>&");
    ObjectNode body =
        oembed.response(
            new OEmbed.Link("https://kinora.example", video.id(), 30),
            video,
            new ChannelSummary("c1", "woodturner", "The Woodturner", null, 3),
            null,
            null);

    String html = body.get("html").asText();
    assertThat(html)
        .startsWith("<iframe src=\"https://kinora.example/embed/dQw4w9WgXcQ?t=30\"")
        .contains("title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\"")
        .doesNotContain("<script>");
    assertThat(body.get("title").asText()).isEqualTo(video.title());
    assertThat(body.get("author_url").asText()).isEqualTo("https://kinora.example/c/woodturner");
    assertThat(body.get("thumbnail_url").asText())
        .isEqualTo(
            "https://kinora.example/media/dQw4w9WgXcQ/poster-"
                + SampleVideos.POSTER_TOKEN
                + ".jpg");
    assertThat(body.get("thumbnail_height").asInt()).isEqualTo(360);
  }

  private static StoredVideo withTitle(StoredVideo v, String title) {
    return new StoredVideo(
        v.id(),
        v.ownerId(),
        v.channelId(),
        title,
        v.description(),
        v.tags(),
        v.categories(),
        v.visibility(),
        v.status(),
        v.failureReason(),
        v.uploadId(),
        v.sourceKey(),
        v.durationSeconds(),
        v.width(),
        v.height(),
        v.resolutions(),
        v.playableResolutions(),
        v.thumbnailUrl(),
        v.playlistUrl(),
        v.storyboardUrl(),
        v.viewCount(),
        v.likeCount(),
        v.dislikeCount(),
        v.commentCount(),
        v.createdAt(),
        v.updatedAt(),
        v.publishedAt());
  }
}
