package dev.kinora.local.events;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.resources.PhysicalResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SAM {@code Type: SQS} function events as Lambda event-source mappings: a poller per mapping
 * long-polls the queue, invokes the function with the batch and deletes what succeeded. Failed
 * messages are left alone, so the queue's visibility timeout brings them back and its RedrivePolicy
 * moves them to the dead-letter queue after {@code maxReceiveCount} receives.
 */
public final class SqsEventSourceMappings implements EventSource {
  private final List<SqsPoller> pollers = new ArrayList<>();

  @Override
  public String name() {
    return "sqs";
  }

  @Override
  public void start(LocalCloud cloud) {
    for (EventMapping mapping : EventMapping.of(cloud, Set.of("SQS"))) {
      String arn = mapping.string("Queue");
      PhysicalResource queue = EventMapping.byArn(cloud, arn);
      if (queue == null || queue.url() == null) {
        cloud.logs().println("[events] " + mapping.label() + ": no queue " + arn + " in the stack");
        continue;
      }
      if (!mapping.enabled()) {
        cloud.logs().println("[events] " + mapping.label() + ": disabled (Enabled: false)");
        continue;
      }
      int batchSize = mapping.integer("BatchSize", 10);
      Duration window = Duration.ofSeconds(mapping.integer("MaximumBatchingWindowInSeconds", 0));
      warnWhenVisibilityTimeoutIsShort(cloud, mapping, queue);
      int concurrency =
          EventMapping.map(mapping.properties().get("ScalingConfig")).get("MaximumConcurrency")
                  instanceof Number n
              ? n.intValue()
              : 1;
      for (int i = 0; i < Math.max(1, concurrency); i++) {
        SqsPoller poller =
            new SqsPoller(
                cloud,
                mapping.functionId(),
                queue.url(),
                queue.arn(),
                batchSize,
                window,
                mapping.reportsBatchItemFailures());
        pollers.add(poller);
        poller.start();
      }
    }
  }

  /**
   * CloudFormation refuses the mapping when the function could outlive the visibility timeout. Read
   * from the template (default 30 s) rather than asked of SQS, to keep start-up quick.
   */
  private static void warnWhenVisibilityTimeoutIsShort(
      LocalCloud cloud, EventMapping mapping, PhysicalResource queue) {
    var declared = cloud.template().resources().get(queue.logicalId());
    Object visibility =
        declared == null
            ? null
            : EventMapping.map(cloud.stack().resolve(declared.properties()))
                .get("VisibilityTimeout");
    long seconds = visibility == null ? 30 : Long.parseLong(String.valueOf(visibility).trim());
    long timeout = cloud.function(mapping.functionId()).spec().timeout().toSeconds();
    if (seconds < timeout) {
      cloud
          .logs()
          .println(
              "[events] WARNING "
                  + mapping.label()
                  + ": queue visibility timeout "
                  + seconds
                  + " s is less than the function timeout "
                  + timeout
                  + " s (AWS rejects this event-source mapping)");
    }
  }

  @Override
  public void close() {
    pollers.forEach(SqsPoller::stop);
    pollers.forEach(SqsPoller::awaitStopped);
    pollers.clear();
  }
}
