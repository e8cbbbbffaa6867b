package dev.kinora.videos.captions;

import dev.kinora.shared.model.CaptionKind;
import dev.kinora.shared.model.CaptionSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The {@code captions} map on a VideosTable item: language → {label, kind, source, cueCount,
 * updatedAt}. Each write changes one language's entry with the ownership and count conditions in
 * the same {@code UpdateItem}, so two owners' tabs adding different languages at once never lose
 * one another's track, and the per-video maximum cannot be raced past.
 */
public final class DynamoCaptionTracks implements CaptionTracks {
  private static final String CAPTIONS = "captions";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoCaptionTracks(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public List<StoredTrack> list(String videoId) {
    var response =
        dynamoDb.getItem(
            r ->
                r.tableName(table)
                    .key(key(videoId))
                    .consistentRead(true)
                    .projectionExpression("#c")
                    .expressionAttributeNames(Map.of("#c", CAPTIONS)));
    return response.hasItem() ? tracks(response.item()) : List.of();
  }

  @Override
  public Optional<List<StoredTrack>> put(
      String videoId, String ownerId, StoredTrack track, int maxTracks) {
    // A video uploaded before captions existed has no map yet; a nested SET needs its parent.
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(videoId))
                  .updateExpression("SET #c = :empty")
                  .conditionExpression("attribute_exists(id) AND attribute_not_exists(#c)")
                  .expressionAttributeNames(Map.of("#c", CAPTIONS))
                  .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
    } catch (ConditionalCheckFailedException alreadyThere) {
      // the usual case
    }
    try {
      var response =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(key(videoId))
                      .updateExpression("SET #c.#lang = :track")
                      .conditionExpression(
                          "ownerId = :owner AND (attribute_exists(#c.#lang) OR size(#c) < :max)")
                      .expressionAttributeNames(Map.of("#c", CAPTIONS, "#lang", track.language()))
                      .expressionAttributeValues(
                          Map.of(
                              ":track", AttributeValue.fromM(item(track)),
                              ":owner", AttributeValue.fromS(ownerId),
                              ":max", AttributeValue.fromN(Integer.toString(maxTracks))))
                      .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(tracks(response.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<List<StoredTrack>> remove(String videoId, String ownerId, String language) {
    try {
      var response =
          dynamoDb.updateItem(
              r ->
                  r.tableName(table)
                      .key(key(videoId))
                      .updateExpression("REMOVE #c.#lang")
                      .conditionExpression("ownerId = :owner AND attribute_exists(#c.#lang)")
                      .expressionAttributeNames(Map.of("#c", CAPTIONS, "#lang", language))
                      .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(ownerId)))
                      .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(tracks(response.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  private static Map<String, AttributeValue> key(String videoId) {
    return Map.of("id", AttributeValue.fromS(videoId));
  }

  private static Map<String, AttributeValue> item(StoredTrack track) {
    return Map.of(
        "label", AttributeValue.fromS(track.label()),
        "kind", AttributeValue.fromS(track.kind().name().toLowerCase(java.util.Locale.ROOT)),
        "source", AttributeValue.fromS(track.source().name().toLowerCase(java.util.Locale.ROOT)),
        "cueCount", AttributeValue.fromN(Integer.toString(track.cueCount())),
        "updatedAt", AttributeValue.fromS(track.updatedAt().toString()));
  }

  /** The tracks of an item, by language; entries this code did not write are skipped. */
  static List<StoredTrack> tracks(Map<String, AttributeValue> item) {
    AttributeValue captions = item.get(CAPTIONS);
    if (captions == null || !captions.hasM()) {
      return List.of();
    }
    return captions.m().entrySet().stream()
        .filter(entry -> entry.getValue().hasM())
        .map(entry -> track(entry.getKey(), entry.getValue().m()))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(StoredTrack::language))
        .toList();
  }

  private static Optional<StoredTrack> track(String language, Map<String, AttributeValue> m) {
    try {
      return Optional.of(
          new StoredTrack(
              language,
              m.get("label").s(),
              CaptionKind.valueOf(m.get("kind").s().toUpperCase(java.util.Locale.ROOT)),
              CaptionSource.valueOf(m.get("source").s().toUpperCase(java.util.Locale.ROOT)),
              Integer.parseInt(m.get("cueCount").n()),
              Instant.parse(m.get("updatedAt").s())));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }
}
