package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.contract.Contract;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** oEmbed through the front door: what a blog's link preview gets for our links. */
@KinoraCloud
class OEmbedCloudTest {
  private static final Contract CONTRACT = Contract.load();
  private final LocalCloud cloud;

  OEmbedCloudTest(LocalCloud cloud) {
    this.cloud = cloud;
  }

  @Test
  void aPublicVideosLinkGetsAnEmbeddablePlayer() {
    Visitor owner = Visitor.signedUp(cloud);
    String id =
        VideoRows.ready(cloud, owner)
            .title("Bowls <b>& spoons</b>")
            .with("width", AttributeValue.fromN("1280"))
            .with("height", AttributeValue.fromN("720"))
            .put();

    Visitor.Reply reply =
        new Visitor(cloud)
            .get(oembed("https://kinora.example/watch/" + id + "?t=12") + "&maxwidth=480");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(CONTRACT.validate("OEmbedResponse", reply.body())).isEmpty();
    assertThat(reply.body().get("html").asText())
        .contains("src=\"https://kinora.example/embed/" + id + "?t=12\"")
        .contains("width=\"480\" height=\"270\"")
        .contains("title=\"Bowls &lt;b&gt;&amp; spoons&lt;/b&gt;\"");
    assertThat(reply.body().get("author_name").asText()).isEqualTo("Name of " + owner.handle());
  }

  @Test
  void anUnlistedVideoIsEmbeddableByItsLinkButAPrivateOneIsNotFound() {
    Visitor owner = Visitor.signedUp(cloud);
    String unlisted = VideoRows.ready(cloud, owner).visibility("unlisted").put();
    String secret = VideoRows.ready(cloud, owner).visibility("private").put();
    String processing = VideoRows.ready(cloud, owner).status("processing").put();

    assertThat(owner.get(oembed("https://kinora.example/watch/" + unlisted)).status())
        .isEqualTo(200);
    // Even the owner's own request: oEmbed answers what an anonymous consumer may embed.
    Visitor.Reply hidden = owner.get(oembed("https://kinora.example/embed/" + secret));
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.code()).isEqualTo("VIDEO_NOT_FOUND");
    assertThat(owner.get(oembed("https://kinora.example/watch/" + processing)).code())
        .isEqualTo("VIDEO_NOT_FOUND");
  }

  @Test
  void aLinkThatIsNotOursOrAnotherFormatIsAValidationError() {
    Visitor visitor = new Visitor(cloud);

    Visitor.Reply foreign = visitor.get(oembed("https://example.com/c/someone"));
    Visitor.Reply xml =
        visitor.get(oembed("https://kinora.example/watch/dQw4w9WgXcQ") + "&format=xml");
    Visitor.Reply missing = visitor.get("/api/v1/oembed");
    Visitor.Reply huge =
        visitor.get(oembed("https://kinora.example/watch/dQw4w9WgXcQ?" + "a".repeat(3000)));

    for (Visitor.Reply reply : new Visitor.Reply[] {foreign, xml, missing, huge}) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
    }
    assertThat(xml.body().at("/error/details/issues/0/path").asText()).isEqualTo("/format");
  }

  private static String oembed(String url) {
    return "/api/v1/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
  }
}
