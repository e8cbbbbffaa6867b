package dev.kinora.local.events;

import dev.kinora.local.services.S3ObjectEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One bucket notification: which events ({@code s3:ObjectCreated:*}, {@code s3:ObjectCreated:Put}
 * …), which keys ({@code Filter.S3Key.Rules} prefix/suffix) and where to (a queue URL, or a
 * function's logical id).
 */
record S3NotificationRule(
    String bucket,
    String configurationId,
    List<String> events,
    String prefix,
    String suffix,
    Target target,
    String destination) {

  enum Target {
    QUEUE,
    FUNCTION
  }

  static S3NotificationRule of(
      String bucket, int index, Object events, Object filter, Target target, String destination) {
    List<String> patterns =
        events instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : List.of(String.valueOf(events));
    String prefix = "";
    String suffix = "";
    Map<String, Object> s3Key = EventMapping.map(EventMapping.map(filter).get("S3Key"));
    for (Map<String, Object> rule : EventMapping.maps(s3Key.get("Rules"))) {
      String name = String.valueOf(rule.get("Name")).toLowerCase(Locale.ROOT);
      String value = String.valueOf(rule.get("Value"));
      if (name.equals("prefix")) {
        prefix = value;
      } else if (name.equals("suffix")) {
        suffix = value;
      }
    }
    return new S3NotificationRule(
        bucket, configurationId(bucket, index), patterns, prefix, suffix, target, destination);
  }

  /** Stable per bucket and position, shaped like the base64 UUIDs CloudFormation generates. */
  private static String configurationId(String bucket, int index) {
    UUID uuid = UUID.nameUUIDFromBytes((bucket + "#" + index).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder()
        .withoutPadding()
        .encodeToString(uuid.toString().getBytes(StandardCharsets.UTF_8));
  }

  boolean matches(S3ObjectEvent event) {
    if (!bucket.equals(event.bucket())
        || !event.key().startsWith(prefix)
        || !event.key().endsWith(suffix)) {
      return false;
    }
    String name = "s3:" + event.eventName();
    for (String pattern : events) {
      if (pattern.equals(name)
          || (pattern.endsWith(":*")
              && name.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
