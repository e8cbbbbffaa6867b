package dev.kinora.local.resources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bucket's configuration that S3Proxy cannot hold (it answers 501 to PutBucketCors and bucket
 * notifications), kept by the local cloud with intrinsic functions resolved.
 *
 * @param corsRules {@code CorsConfiguration.CorsRules}
 * @param lifecycleRules {@code LifecycleConfiguration.Rules}
 * @param notifications {@code NotificationConfiguration} ({@code QueueConfigurations}, {@code
 *     LambdaConfigurations}, {@code TopicConfigurations}, {@code EventBridgeConfiguration}); the
 *     event-source side turns object events into these deliveries
 */
public record BucketSettings(
    String logicalId,
    String bucketName,
    List<Map<String, Object>> corsRules,
    List<Map<String, Object>> lifecycleRules,
    Map<String, Object> notifications) {

  public BucketSettings {
    corsRules = List.copyOf(corsRules);
    lifecycleRules = List.copyOf(lifecycleRules);
    notifications = Collections.unmodifiableMap(new LinkedHashMap<>(notifications));
  }
}
