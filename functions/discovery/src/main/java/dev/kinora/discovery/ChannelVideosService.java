package dev.kinora.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;

/** A channel's listed videos, latest or most viewed first, a page at a time. */
final class ChannelVideosService {
  private final ChannelDirectory channels;
  private final VideoCatalog videos;
  private final Cards cards;

  ChannelVideosService(ChannelDirectory channels, VideoCatalog videos, Cards cards) {
    this.channels = channels;
    this.videos = videos;
    this.cards = cards;
  }

  /**
   * @throws ApiException CHANNEL_NOT_FOUND; VALIDATION_ERROR for a cursor of another list
   */
  Page videos(String idOrHandle, VideoCatalog.ChannelSort sort, String cursor, int limit) {
    String channelId =
        channels
            .channelId(idOrHandle)
            .orElseThrow(
                () -> new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "No channel " + idOrHandle));
    String listName = "channel:" + channelId + ":" + sort.name().toLowerCase(java.util.Locale.ROOT);
    JsonNode after = cursor == null ? null : Cursor.decode(cursor, listName);
    VideoCatalog.ChannelPage page = videos.channelVideos(channelId, sort, after, limit);
    return new Page(
        cards.fromItems(page.items()),
        page.next() == null ? null : Cursor.encode(listName, page.next()));
  }
}
