package dev.kinora.search;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Streams records (the Lambda events library's own attribute type) as {@link VideoChange}s
 * with SDK v2 attribute values, the type every VideosTable reader in Kinora uses.
 */
final class StreamImages {
  private StreamImages() {}

  static List<VideoChange> changes(DynamodbEvent event) {
    var changes = new ArrayList<VideoChange>();
    if (event == null || event.getRecords() == null) {
      return changes;
    }
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      var stream = record.getDynamodb();
      if (stream == null || stream.getKeys() == null || stream.getKeys().get("id") == null) {
        continue;
      }
      changes.add(
          new VideoChange(
              stream.getKeys().get("id").getS(),
              toSdk(stream.getOldImage()),
              toSdk(stream.getNewImage())));
    }
    return changes;
  }

  static Map<String, AttributeValue> toSdk(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
          image) {
    if (image == null) {
      return null;
    }
    var sdk = new HashMap<String, AttributeValue>();
    image.forEach((name, value) -> sdk.put(name, toSdk(value)));
    return sdk;
  }

  private static AttributeValue toSdk(
      com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
    if (value.getS() != null) {
      return AttributeValue.fromS(value.getS());
    }
    if (value.getN() != null) {
      return AttributeValue.fromN(value.getN());
    }
    if (value.getBOOL() != null) {
      return AttributeValue.fromBool(value.getBOOL());
    }
    if (value.getL() != null) {
      return AttributeValue.fromL(value.getL().stream().map(StreamImages::toSdk).toList());
    }
    if (value.getM() != null) {
      return AttributeValue.fromM(toSdk(value.getM()));
    }
    if (value.getSS() != null) {
      return AttributeValue.fromSs(value.getSS());
    }
    if (value.getNS() != null) {
      return AttributeValue.fromNs(value.getNS());
    }
    // Binary and NULL: nothing the index reads.
    return AttributeValue.fromNul(true);
  }
}
