package dev.kinora.transcode;

import dev.kinora.transcode.ffmpeg.ExtractedCaption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The transcode side of VideosTable (docs/data-model.md): {@code processing → ready | failed}, each
 * an {@code UpdateItem} conditioned on {@code #status = processing}, so the transition happens
 * exactly once however often the event is delivered.
 */
public final class DynamoVideoStatusStore implements VideoStatusStore {
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;

  public DynamoVideoStatusStore(DynamoDbClient dynamoDb, String table, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public boolean markReady(String videoId, ReadyVideo video) {
    String now = clock.instant().toString();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":ready", s("ready"));
    values.put(
        ":resolutions", AttributeValue.fromL(video.resolutions().stream().map(s -> s(s)).toList()));
    values.put(":duration", AttributeValue.fromN(Double.toString(video.durationSeconds())));
    values.put(":now", s(now));
    StringBuilder set =
        new StringBuilder(
            "SET #status = :ready, resolutions = :resolutions,"
                + " playableResolutions = :resolutions, durationSeconds = :duration,"
                + " publishedAt = if_not_exists(publishedAt, :now), updatedAt = :now");
    // An asynchronous backend may not produce every image; absent URLs stay absent.
    optional(set, values, "playlistUrl", video.playlistUrl());
    optional(set, values, "thumbnailUrl", video.thumbnailUrl());
    optional(set, values, "storyboardUrl", video.storyboardUrl());
    if (!video.captions().isEmpty()) {
      // The same map the videos context keeps (functions/videos DynamoCaptionTracks): the owner
      // sees these tracks, and adding one re-renders the master with them.
      Map<String, AttributeValue> tracks = new HashMap<>();
      for (ExtractedCaption caption : video.captions()) {
        tracks.put(
            caption.language(),
            AttributeValue.fromM(
                Map.of(
                    "label", s(caption.label()),
                    "kind", s(caption.captions() ? "captions" : "subtitles"),
                    "source", s("embedded"),
                    "cueCount", AttributeValue.fromN(Integer.toString(caption.cueCount())),
                    "updatedAt", s(now))));
      }
      set.append(", captions = :captions");
      values.put(":captions", AttributeValue.fromM(tracks));
    }
    // The poster token only ties a processing video's attempts together (posterToken below); a
    // ready video's poster is wherever thumbnailUrl says, and the videos context moves it.
    return update(videoId, set + " REMOVE failureReason, posterToken", values);
  }

  private static void optional(
      StringBuilder set, Map<String, AttributeValue> values, String attribute, String value) {
    if (value != null) {
      set.append(", ").append(attribute).append(" = :").append(attribute);
      values.put(":" + attribute, s(value));
    }
  }

  @Override
  public boolean markPlayable(String videoId, List<String> resolutions, String playlistUrl) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":playable", AttributeValue.fromL(resolutions.stream().map(r -> s(r)).toList()));
    values.put(":playlist", s(playlistUrl));
    values.put(":now", s(clock.instant().toString()));
    return update(
        videoId,
        "SET playableResolutions = :playable, playlistUrl = :playlist, updatedAt = :now",
        values);
  }

  @Override
  public boolean markFailed(String videoId, String reason) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":failed", s("failed"));
    values.put(":reason", s(reason));
    values.put(":now", s(clock.instant().toString()));
    return update(
        videoId, "SET #status = :failed, failureReason = :reason, updatedAt = :now", values);
  }

  @Override
  public Optional<String> posterToken(String videoId, String candidate) {
    try {
      var attributes =
          dynamoDb
              .updateItem(
                  r ->
                      r.tableName(table)
                          .key(Map.of("id", s(videoId)))
                          .updateExpression(
                              "SET posterToken = if_not_exists(posterToken, :candidate)")
                          .conditionExpression("#status = :processing")
                          .expressionAttributeNames(Map.of("#status", "status"))
                          .expressionAttributeValues(
                              Map.of(
                                  ":candidate",
                                  s(candidate),
                                  ":processing",
                                  s(TranscodeService.PROCESSING)))
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes();
      return Optional.ofNullable(attributes.get("posterToken")).map(AttributeValue::s);
    } catch (ConditionalCheckFailedException notProcessing) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> status(String videoId) {
    var item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("id", s(videoId)))
                        .projectionExpression("#status")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .consistentRead(true))
            .item();
    return Optional.ofNullable(item).map(i -> i.get("status")).map(AttributeValue::s);
  }

  private boolean update(String videoId, String expression, Map<String, AttributeValue> values) {
    values.put(":processing", s(TranscodeService.PROCESSING));
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(Map.of("id", s(videoId)))
                  .updateExpression(expression)
                  .conditionExpression("#status = :processing")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException notProcessing) {
      return false;
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
