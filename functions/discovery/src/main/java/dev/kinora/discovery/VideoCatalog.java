package dev.kinora.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Port: VideosTable as discovery reads it. Items are VideosTable rows as stored (what the shared
 * {@code VideoItems}/{@code VideoCards} turn into the API's shapes).
 */
interface VideoCatalog {

  /** How a channel's videos are ordered. */
  enum ChannelSort {
    LATEST,
    POPULAR
  }

  /**
   * One page of a channel's listed (public, ready) videos.
   *
   * @param next where the next page starts, null on the last page
   */
  record ChannelPage(List<Map<String, AttributeValue>> items, ObjectNode next) {
    public ChannelPage {
      items = List.copyOf(items);
    }
  }

  /** One video row, whatever its visibility (the caller applies the access rules). */
  Optional<Map<String, AttributeValue>> video(String videoId);

  /** Rows of these videos (missing ones left out), whatever their visibility. */
  List<Map<String, AttributeValue>> videos(Collection<String> videoIds);

  /**
   * @param after a previous page's {@code next}, null for the first page
   */
  ChannelPage channelVideos(String channelId, ChannelSort sort, JsonNode after, int limit);
}
