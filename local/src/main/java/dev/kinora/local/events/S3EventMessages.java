package dev.kinora.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.LocalAws;
import dev.kinora.local.services.S3ObjectEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** The JSON S3 sends to a queue or function for an object event (event structure 2.1). */
final class S3EventMessages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The bucket owner's canonical-looking id and the caller's principal, fixed for the local cloud.
   */
  static final String OWNER_ID = "A3KINORALOCALOWNER";

  static final String PRINCIPAL_ID = "AWS:" + LocalAws.ACCESS_KEY_ID;

  /** Increases with every event, like S3's per-key sequencer (hex, compared as strings). */
  private static final AtomicLong SEQUENCER = new AtomicLong(Instant.now().toEpochMilli() * 1_000);

  private S3EventMessages() {}

  static String event(S3ObjectEvent event, String configurationId) {
    ObjectNode message = JSON.createObjectNode();
    ObjectNode record = message.putArray("Records").addObject();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", LocalAws.REGION);
    record.put("eventTime", EVENT_TIME.format(event.time()));
    record.put("eventName", event.eventName());
    record.putObject("userIdentity").put("principalId", PRINCIPAL_ID);
    record.putObject("requestParameters").put("sourceIPAddress", LocalAws.HOST);
    ObjectNode response = record.putObject("responseElements");
    response.put("x-amz-request-id", requestId());
    response.put("x-amz-id-2", hostId());
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", configurationId);
    ObjectNode bucket = s3.putObject("bucket");
    bucket.put("name", event.bucket());
    bucket.putObject("ownerIdentity").put("principalId", OWNER_ID);
    bucket.put("arn", "arn:aws:s3:::" + event.bucket());
    ObjectNode object = s3.putObject("object");
    object.put("key", encodeKey(event.key()));
    if (event.eventName().startsWith("ObjectCreated:")) {
      object.put("size", event.size());
      object.put("eTag", event.eTag());
    }
    object.put("sequencer", String.format(Locale.ROOT, "%018X", SEQUENCER.incrementAndGet()));
    return message.toString();
  }

  /** What S3 sends to a queue when a notification configuration names it. */
  static String testEvent(String bucket) {
    ObjectNode message = JSON.createObjectNode();
    message.put("Service", "Amazon S3");
    message.put("Event", "s3:TestEvent");
    message.put("Time", EVENT_TIME.format(Instant.now()));
    message.put("Bucket", bucket);
    message.put("RequestId", requestId());
    message.put("HostId", hostId());
    return message.toString();
  }

  /**
   * Keys in S3 events are form-URL-encoded ({@code "my clip (1).mp4"} → {@code
   * "my+clip+%281%29.mp4"}), with {@code /} kept.
   */
  static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  private static String requestId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  private static String hostId() {
    byte[] bytes = new byte[56];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
