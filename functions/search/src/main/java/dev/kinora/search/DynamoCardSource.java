package dev.kinora.search;

import dev.kinora.shared.listing.VideoCards;
import dev.kinora.shared.model.VideoCard;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link CardSource} over the shared listing reader: BatchGetItem on VideosTable and AccountsTable,
 * order kept, anything not public and ready dropped.
 */
final class DynamoCardSource implements CardSource {
  private final VideoCards cards;

  DynamoCardSource(DynamoDbClient dynamoDb, String videosTable, String accountsTable) {
    this.cards = new VideoCards(dynamoDb, videosTable, accountsTable);
  }

  @Override
  public List<VideoCard> cards(List<String> videoIds) {
    return videoIds.isEmpty() ? List.of() : cards.byIds(videoIds);
  }
}
