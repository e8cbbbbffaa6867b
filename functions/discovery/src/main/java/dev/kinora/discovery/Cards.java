package dev.kinora.discovery;

import dev.kinora.shared.model.VideoCard;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Port: list entries as the API shows them, listed videos only (public and ready; the rest is
 * dropped). Production uses the shared {@code VideoCards}.
 */
interface Cards {

  /** Cards of these videos, in this order, non-listed and missing ones left out. */
  List<VideoCard> byIds(List<String> videoIds);

  /** Cards of these VideosTable rows, in this order, non-listed ones left out. */
  List<VideoCard> fromItems(List<Map<String, AttributeValue>> videoItems);
}
