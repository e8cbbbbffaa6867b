package dev.kinora.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.log.Log;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the S3 event notifications the raw bucket sends to the transcode queue. Every body is
 * treated as hostile: anything that is not an {@code ObjectCreated} record for {@code
 * raw/{videoId}/source} is ignored (and logged), including S3's {@code s3:TestEvent}, which S3
 * sends once when the notification is configured.
 */
public final class RawUploadEvents {
  private static final System.Logger LOG = Log.logger(RawUploadEvents.class);

  private final Pattern sourceKey;

  /**
   * @param videoIdLength limits.json {@code video.idLength}
   */
  public RawUploadEvents(int videoIdLength) {
    this.sourceKey = Pattern.compile("raw/([A-Za-z0-9_-]{" + videoIdLength + "})/source");
  }

  /** The sources an SQS message body announces; empty for test events and anything unexpected. */
  public List<SourceUpload> sources(String body) {
    JsonNode event;
    try {
      event = Json.mapper().readTree(body == null ? "" : body);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "ignoring a message that is not JSON: {0}", e.getMessage());
      return List.of();
    }
    if (event == null || !event.isObject()) {
      LOG.log(Level.WARNING, "ignoring a message that is not an S3 event");
      return List.of();
    }
    if ("s3:TestEvent".equals(event.path("Event").asText())) {
      LOG.log(Level.INFO, "ignoring s3:TestEvent for bucket {0}", event.path("Bucket").asText());
      return List.of();
    }
    List<SourceUpload> sources = new ArrayList<>();
    for (JsonNode record : event.path("Records")) {
      String name = record.path("eventName").asText();
      String bucket = record.path("s3").path("bucket").path("name").asText();
      String key = decodedKey(record.path("s3").path("object").path("key").asText());
      var matcher = sourceKey.matcher(key);
      if (!name.startsWith("ObjectCreated:") || bucket.isEmpty() || !matcher.matches()) {
        LOG.log(Level.INFO, "ignoring {0} of {1}/{2}", name, bucket, key);
        continue;
      }
      long size = record.path("s3").path("object").path("size").asLong(-1);
      sources.add(new SourceUpload(bucket, key, matcher.group(1), size));
    }
    return sources;
  }

  /** S3 URL-encodes keys in events the way HTML forms do ({@code +} for a space). */
  private static String decodedKey(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return encoded;
    }
  }
}
