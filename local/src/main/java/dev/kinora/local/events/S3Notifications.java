package dev.kinora.local.events;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.resources.BucketSettings;
import dev.kinora.local.resources.PhysicalResource;
import dev.kinora.local.services.S3ObjectEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * S3 event notifications, which S3Proxy cannot configure: a bucket's {@code
 * NotificationConfiguration} ({@code QueueConfigurations} → SendMessage to the queue, {@code
 * LambdaConfigurations} → asynchronous invoke) and SAM {@code Type: S3} function events, fed by the
 * object events the local S3 captures. Delivery happens after the S3 request returned, in the order
 * the writes completed.
 */
public final class S3Notifications implements EventSource {
  private final List<S3NotificationRule> rules = new ArrayList<>();
  private final ExecutorService delivery =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("s3-notifications").factory());

  /** Only for injected faults: copies of an event delivered later (see {@code Faults}). */
  private final ScheduledExecutorService delayed =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("s3-notifications-delayed").factory());

  private LocalCloud cloud;
  private AsyncInvoker invoker;
  private volatile boolean closed;

  @Override
  public String name() {
    return "s3-notifications";
  }

  @Override
  public void start(LocalCloud cloud) {
    this.cloud = cloud;
    this.invoker = new AsyncInvoker(cloud, "s3");
    for (BucketSettings bucket : cloud.buckets().values()) {
      bucketRules(bucket);
    }
    for (EventMapping mapping : EventMapping.of(cloud, Set.of("S3"))) {
      String bucket = mapping.string("Bucket");
      rules.add(
          S3NotificationRule.of(
              bucket,
              rules.size(),
              mapping.properties().get("Events"),
              mapping.properties().get("Filter"),
              S3NotificationRule.Target.FUNCTION,
              mapping.functionId()));
    }
    if (rules.isEmpty()) {
      return;
    }
    if (!cloud.embeddedServices()) {
      cloud.logs().println("[events] S3 notifications need the embedded S3: not delivered");
      return;
    }
    delivery.execute(this::sendTestEvents);
    cloud.s3Events().addListener(this::onObjectEvent);
  }

  private void bucketRules(BucketSettings bucket) {
    Map<String, Object> notifications = bucket.notifications();
    for (Map<String, Object> config : EventMapping.maps(notifications.get("QueueConfigurations"))) {
      PhysicalResource queue = EventMapping.byArn(cloud, String.valueOf(config.get("Queue")));
      if (queue == null || queue.url() == null) {
        cloud
            .logs()
            .println("[events] " + bucket.logicalId() + ": no queue " + config.get("Queue"));
        continue;
      }
      rules.add(
          S3NotificationRule.of(
              bucket.bucketName(),
              rules.size(),
              config.get("Event"),
              config.get("Filter"),
              S3NotificationRule.Target.QUEUE,
              queue.url()));
    }
    for (Map<String, Object> config :
        EventMapping.maps(notifications.get("LambdaConfigurations"))) {
      PhysicalResource function = EventMapping.byArn(cloud, String.valueOf(config.get("Function")));
      if (function == null || !cloud.functions().containsKey(function.logicalId())) {
        cloud
            .logs()
            .println("[events] " + bucket.logicalId() + ": no function " + config.get("Function"));
        continue;
      }
      rules.add(
          S3NotificationRule.of(
              bucket.bucketName(),
              rules.size(),
              config.get("Event"),
              config.get("Filter"),
              S3NotificationRule.Target.FUNCTION,
              function.logicalId()));
    }
    if (notifications.containsKey("TopicConfigurations")
        || notifications.containsKey("EventBridgeConfiguration")) {
      cloud
          .logs()
          .println(
              "[events] "
                  + bucket.logicalId()
                  + ": SNS topic and EventBridge notifications are not emulated");
    }
  }

  /** S3 sends {@code s3:TestEvent} to each queue when the configuration is put (here: at start). */
  private void sendTestEvents() {
    try {
      sendTestEventsNow();
    } catch (RuntimeException e) {
      cloud.logs().println("[events] s3:TestEvent not sent: " + e.getMessage());
    }
  }

  private void sendTestEventsNow() {
    Set<String> sent = new LinkedHashSet<>();
    for (S3NotificationRule rule : rules) {
      if (rule.target() == S3NotificationRule.Target.QUEUE
          && sent.add(rule.bucket() + " " + rule.destination())) {
        cloud
            .sqs()
            .sendMessage(
                r ->
                    r.queueUrl(rule.destination())
                        .messageBody(S3EventMessages.testEvent(rule.bucket())));
      }
    }
  }

  /** Runs on the S3 request thread: hand the work over. */
  private void onObjectEvent(S3ObjectEvent event) {
    if (closed) {
      return;
    }
    for (S3NotificationRule rule : rules) {
      if (rule.matches(event)) {
        String message = S3EventMessages.event(event, rule.configurationId());
        long[] delays =
            cloud.faultInjection().map(f -> f.s3DeliveryDelaysMillis()).orElse(new long[] {0});
        for (long delay : delays) {
          if (delay == 0) {
            delivery.execute(() -> deliver(rule, event, message));
          } else {
            delayed.schedule(
                () -> delivery.execute(() -> deliver(rule, event, message)),
                delay,
                TimeUnit.MILLISECONDS);
          }
        }
      }
    }
  }

  private void deliver(S3NotificationRule rule, S3ObjectEvent event, String message) {
    try {
      if (rule.target() == S3NotificationRule.Target.QUEUE) {
        cloud.sqs().sendMessage(r -> r.queueUrl(rule.destination()).messageBody(message));
      } else {
        invoker.invoke(rule.destination(), message);
      }
    } catch (RuntimeException e) {
      if (!closed) {
        cloud
            .logs()
            .println(
                "[events] S3 "
                    + event.eventName()
                    + " of "
                    + event.bucket()
                    + "/"
                    + event.key()
                    + " not delivered to "
                    + rule.destination()
                    + ": "
                    + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    delayed.shutdownNow();
    delivery.shutdown();
    try {
      if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
        delivery.shutdownNow();
      }
    } catch (InterruptedException e) {
      delivery.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (invoker != null) {
      invoker.close();
    }
  }
}
