package dev.kinora.videos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.ChannelSummary;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oEmbed 1.0 (https://oembed.com) answers for Kinora links, so a blog or chat that is given a
 * {@code /watch/{id}} (or {@code /embed/{id}}) link can show the player. The iframe and links point
 * at the origin of the link asked about: the consumer embeds the site it was given, and the API
 * does not need to know its public hostname. A {@code t} query parameter (seconds) is carried into
 * the embed.
 *
 * @param limits limits.json {@code oembed}
 * @param thumbnailWidth the poster's width transcode writes ({@code transcode.thumbnail.width})
 */
record OEmbed(JsonNode limits, int thumbnailWidth) {
  private static final Pattern VIDEO_PATH =
      Pattern.compile("^/(?:watch|embed)/([A-Za-z0-9_-]{11})/?$");
  private static final Pattern START = Pattern.compile("(?:^|&)t=(\\d{1,6})(?:&|$)");
  private static final double ASPECT = 16.0 / 9.0;

  /** A link to one of our videos: where it lives, which video, and a start second (0 = none). */
  record Link(String origin, String videoId, int startSeconds) {}

  /** The link's video, or empty when it is not an http(s) watch or embed link. */
  static Optional<Link> parse(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      Matcher path = VIDEO_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
      if (!path.matches()) {
        return Optional.empty();
      }
      String origin =
          scheme.toLowerCase(java.util.Locale.ROOT)
              + "://"
              + uri.getHost().toLowerCase(java.util.Locale.ROOT)
              + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      Matcher start = START.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
      return Optional.of(
          new Link(origin, path.group(1), start.find() ? Integer.parseInt(start.group(1)) : 0));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * The player's size: {@code oembed.defaultWidth} at 16:9, shrunk (never grown) to fit the
   * consumer's maxwidth/maxheight, and never below {@code oembed.minWidth}.
   */
  int[] size(Integer maxWidth, Integer maxHeight) {
    int width = limits.get("defaultWidth").intValue();
    if (maxWidth != null) {
      width = Math.min(width, maxWidth);
    }
    if (maxHeight != null) {
      width = Math.min(width, (int) Math.floor(maxHeight * ASPECT));
    }
    width = Math.max(width, limits.get("minWidth").intValue());
    return new int[] {width, (int) Math.round(width / ASPECT)};
  }

  /** The oEmbed "video" response for a video anonymous visitors may see. */
  ObjectNode response(
      Link link, StoredVideo video, ChannelSummary channel, Integer maxWidth, Integer maxHeight) {
    int[] size = size(maxWidth, maxHeight);
    String src =
        link.origin()
            + "/embed/"
            + video.id()
            + (link.startSeconds() > 0 ? "?t=" + link.startSeconds() : "");
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("version", "1.0");
    body.put("type", "video");
    body.put("title", video.title());
    body.put("author_name", channel.name());
    body.put("author_url", link.origin() + "/c/" + channel.handle());
    body.put("provider_name", "Kinora");
    body.put("provider_url", link.origin() + "/");
    body.put("width", size[0]);
    body.put("height", size[1]);
    body.put(
        "html",
        "<iframe src=\""
            + escape(src)
            + "\" width=\""
            + size[0]
            + "\" height=\""
            + size[1]
            + "\" title=\""
            + escape(video.title())
            + "\" frameborder=\"0\" allow=\"autoplay; fullscreen; picture-in-picture\""
            + " allowfullscreen referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>");
    if (video.thumbnailUrl() != null && video.width() != null && video.height() != null) {
      body.put("thumbnail_url", link.origin() + video.thumbnailUrl());
      body.put("thumbnail_width", thumbnailWidth);
      body.put(
          "thumbnail_height", Math.round((double) thumbnailWidth * video.height() / video.width()));
    }
    return body;
  }

  /** Text as safe inside a double-quoted HTML attribute: titles are user input. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
