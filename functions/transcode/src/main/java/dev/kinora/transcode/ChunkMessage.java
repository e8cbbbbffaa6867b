package dev.kinora.transcode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One message of TranscodeChunkQueue: "encode chunk {@code index} of {@code videoId}", whose plan
 * and source piece are under {@code work/{videoId}/} of {@code bucket}. Everything else a worker
 * needs is in the plan, so the message stays tiny and a redelivery carries nothing stale.
 */
public record ChunkMessage(String videoId, int index, String bucket) {
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,254}");

  public String toJson() {
    return Json.write(Map.of("videoId", videoId, "index", index, "bucket", bucket));
  }

  /**
   * The message in {@code body}, empty when it is not one (logged by the caller): wrong shape, an
   * id that is not a video id, a negative index, a bucket that is not a bucket name.
   */
  public static Optional<ChunkMessage> parse(String body, int videoIdLength) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body == null ? "" : body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (json == null
        || !json.path("videoId").isTextual()
        || !json.path("index").canConvertToInt()
        || !json.path("index").isIntegralNumber()
        || !json.path("bucket").isTextual()) {
      return Optional.empty();
    }
    String videoId = json.get("videoId").asText();
    int index = json.get("index").asInt();
    String bucket = json.get("bucket").asText();
    if (!videoId.matches("[A-Za-z0-9_-]{" + videoIdLength + "}")
        || index < 0
        || !BUCKET.matcher(bucket).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChunkMessage(videoId, index, bucket));
  }
}
