package dev.kinora.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.LocalAws;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.InvocationResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SAM {@code Type: Schedule} (an EventBridge rule) and {@code Type: ScheduleV2} (EventBridge
 * Scheduler) function events. {@code rate(...)} schedules fire every period, asynchronously, with
 * the real Scheduled Event (or the event's {@code Input}); {@code cron(...)} schedules fire only on
 * demand. Every scheduled function gets a trigger, so {@code ./kinora trigger <LogicalId>} (and
 * {@code POST /_kinora/trigger/<LogicalId>}) invokes it now, synchronously, and answers with the
 * result.
 */
public final class Schedules implements EventSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "schedules");
            thread.setDaemon(true);
            return thread;
          });
  private AsyncInvoker invoker;

  /** One schedule of one function. */
  record Schedule(
      String functionId,
      String eventName,
      boolean scheduler,
      String arn,
      ScheduleExpression expression,
      String input,
      boolean enabled) {

    /** EventBridge's Scheduled Event, Scheduler's default notification, or the Input. */
    String event(Instant time) {
      if (input != null) {
        return input;
      }
      ObjectNode event = JSON.createObjectNode();
      event.put("version", "0");
      event.put("id", UUID.randomUUID().toString());
      event.put("detail-type", "Scheduled Event");
      event.put("source", scheduler ? "aws.scheduler" : "aws.events");
      event.put("account", LocalAws.ACCOUNT_ID);
      event.put("time", TIME.format(time.truncatedTo(ChronoUnit.SECONDS)));
      event.put("region", LocalAws.REGION);
      event.putArray("resources").add(arn);
      if (scheduler) {
        event.put("detail", "{}"); // Scheduler sends the detail as a JSON string
      } else {
        event.putObject("detail");
      }
      return event.toString();
    }
  }

  @Override
  public String name() {
    return "schedules";
  }

  @Override
  public void start(LocalCloud cloud) {
    invoker = new AsyncInvoker(cloud, "schedule");
    Map<String, List<Schedule>> byFunction = new LinkedHashMap<>();
    for (EventMapping mapping : EventMapping.of(cloud, Set.of("Schedule", "ScheduleV2"))) {
      Schedule schedule;
      try {
        schedule = schedule(mapping);
      } catch (IllegalArgumentException e) {
        cloud.logs().println("[events] " + mapping.label() + ": " + e.getMessage());
        continue;
      }
      byFunction.computeIfAbsent(mapping.functionId(), id -> new ArrayList<>()).add(schedule);
      if (!schedule.enabled()) {
        cloud.logs().println("[events] " + mapping.label() + " is disabled: fires only on trigger");
      } else if (schedule.expression().every().isEmpty()) {
        cloud
            .logs()
            .println(
                "[events] "
                    + mapping.label()
                    + " "
                    + schedule.expression().text()
                    + ": cron schedules fire only via ./kinora trigger "
                    + mapping.functionId());
      } else {
        long millis = schedule.expression().every().get().toMillis();
        timer.scheduleAtFixedRate(
            () -> invoker.invoke(schedule.functionId(), schedule.event(Instant.now())),
            millis,
            millis,
            TimeUnit.MILLISECONDS);
      }
    }
    byFunction.forEach(
        (functionId, schedules) ->
            cloud.triggers().register(functionId, () -> fireNow(cloud, schedules)));
  }

  private static Schedule schedule(EventMapping mapping) {
    boolean scheduler = "ScheduleV2".equals(mapping.type());
    String expression = mapping.string(scheduler ? "ScheduleExpression" : "Schedule");
    String name = mapping.string("Name");
    if (name == null) {
      name = (LocalAws.STACK_NAME + "-" + mapping.functionId() + mapping.eventName());
      name = name.substring(0, Math.min(64, name.length()));
    }
    String arn =
        scheduler
            ? "arn:aws:scheduler:%s:%s:schedule/%s/%s"
                .formatted(
                    LocalAws.REGION,
                    LocalAws.ACCOUNT_ID,
                    mapping.properties().getOrDefault("GroupName", "default"),
                    name)
            : LocalAws.arn("events", "rule/" + name);
    Object input = mapping.properties().get("Input");
    return new Schedule(
        mapping.functionId(),
        mapping.eventName(),
        scheduler,
        arn,
        ScheduleExpression.parse(expression),
        input == null ? null : inputText(input),
        mapping.enabled());
  }

  /** Input is a JSON string in the template; a YAML map is accepted and serialized. */
  private static String inputText(Object input) {
    if (input instanceof String text) {
      return text;
    }
    return JSON.valueToTree(input).toString();
  }

  /** Invokes every schedule of the function once, now, and describes the results. */
  private static String fireNow(LocalCloud cloud, List<Schedule> schedules) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("function", schedules.get(0).functionId());
    ArrayNode fired = answer.putArray("invocations");
    for (Schedule schedule : schedules) {
      InvocationResult result =
          cloud.function(schedule.functionId()).invoke(schedule.event(Instant.now()));
      ObjectNode entry = fired.addObject();
      entry.put("event", schedule.eventName());
      entry.put("schedule", schedule.expression().text());
      entry.put("requestId", result.requestId());
      entry.put("status", result instanceof InvocationResult.Success ? "succeeded" : "failed");
      entry.put("durationMs", result.duration().toMillis());
      entry.set("payload", payload(result.payload()));
    }
    return answer.toString();
  }

  private static com.fasterxml.jackson.databind.JsonNode payload(String json) {
    try {
      return JSON.readTree(json == null ? "null" : json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(json);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (invoker != null) {
      invoker.close();
    }
  }
}
