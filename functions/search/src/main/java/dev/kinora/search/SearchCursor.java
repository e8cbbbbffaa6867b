package dev.kinora.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * The opaque {@code cursor} of a search: where the previous page ended (the sort values of its last
 * hit) plus a fingerprint of the query and filters it belongs to, and the instant its upload-date
 * window was measured from. Base64url JSON; a cursor of another search, or a forged one, is
 * refused.
 */
public final class SearchCursor {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SearchCursor() {}

  /**
   * The sort values of the last hit of a page. {@code scoreBits} is the relevance score's {@code
   * Float.floatToIntBits}, so it survives JSON exactly.
   */
  public record Position(int scoreBits, long publishedAtMillis, long viewCount, String videoId) {
    public float score() {
      return Float.intBitsToFloat(scoreBits);
    }
  }

  /** A decoded cursor. */
  public record Decoded(Instant asOf, Position position) {}

  /** Refused: not a cursor of this search. */
  public static final class InvalidCursorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidCursorException(String message) {
      super(message);
    }
  }

  public static String encode(String fingerprint, Instant asOf, Position position) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("f", fingerprint);
    json.put("t", asOf.toEpochMilli());
    json.put("s", position.scoreBits());
    json.put("p", position.publishedAtMillis());
    json.put("v", position.viewCount());
    json.put("i", position.videoId());
    return ENCODER.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
  }

  public static Decoded decode(String cursor, String expectedFingerprint) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(DECODER.decode(cursor));
    } catch (Exception e) {
      throw new InvalidCursorException("is not a cursor of this search");
    }
    if (json == null
        || !json.path("f").asText("").equals(expectedFingerprint)
        || !json.path("t").isIntegralNumber()
        || !json.path("s").isInt()
        || !json.path("p").isIntegralNumber()
        || !json.path("v").isIntegralNumber()
        || !json.path("i").isTextual()) {
      throw new InvalidCursorException("is not a cursor of this search");
    }
    return new Decoded(
        Instant.ofEpochMilli(json.get("t").longValue()),
        new Position(
            json.get("s").intValue(),
            json.get("p").longValue(),
            json.get("v").longValue(),
            json.get("i").textValue()));
  }

  /**
   * What a cursor is bound to: the normalised text, the filters and the sort. Paging with other
   * filters than the first page's would skip or repeat results silently.
   */
  public static String fingerprint(
      String text,
      UploadDate uploadDate,
      DurationFilter duration,
      String category,
      SearchSort sort) {
    String canonical =
        String.join(
            "\u0000",
            text.strip().toLowerCase(Locale.ROOT),
            uploadDate == null ? "" : uploadDate.wire(),
            duration == null ? "" : duration.wire(),
            category == null ? "" : category.toLowerCase(Locale.ROOT),
            sort.wire());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
