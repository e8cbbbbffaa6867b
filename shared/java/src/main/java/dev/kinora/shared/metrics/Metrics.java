package dev.kinora.shared.metrics;

import dev.kinora.shared.json.Json;
import dev.kinora.shared.log.Log;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CloudWatch metrics as embedded-metric-format (EMF) log lines: Lambda ships every stdout line to
 * CloudWatch Logs, which turns an EMF line into metric values without a PutMetricData call (no
 * extra latency, no extra IAM, no SDK). One line per event, namespace {@value #NAMESPACE},
 * dimension {@code Function}, so the dashboard in template.yaml can graph them.
 *
 * <pre>
 * {@code Metrics.count(Metrics.UPLOADS_STARTED);  Metrics.milliseconds(Metrics.TRANSCODE_DURATION, ms);}
 * </pre>
 */
public final class Metrics {
  public static final String NAMESPACE = "Kinora";

  /** An upload session was created ({@code POST /api/v1/uploads}). */
  public static final String UPLOADS_STARTED = "UploadsStarted";

  /** An upload was completed and its video is processing. */
  public static final String UPLOADS_COMPLETED = "UploadsCompleted";

  /** Wall time of one finished transcode, from the upload's completion to ready (ms). */
  public static final String TRANSCODE_DURATION = "TranscodeDuration";

  /** A video's transcode failed for good (the video is {@code failed}). */
  public static final String TRANSCODE_FAILURES = "TranscodeFailures";

  /** A rating was set or changed. */
  public static final String RATING_WRITES = "RatingWrites";

  /** A comment or reply was written. */
  public static final String COMMENT_WRITES = "CommentWrites";

  private static volatile Consumer<String> sink = Log::raw;
  private static volatile Clock clock = Clock.systemUTC();

  private Metrics() {}

  /** Adds one to {@code name}. */
  public static void count(String name) {
    emit(name, 1, "Count");
  }

  /** Records a duration in milliseconds. */
  public static void milliseconds(String name, long millis) {
    emit(name, millis, "Milliseconds");
  }

  /** One EMF line: the {@code _aws} metadata, the dimension value and the metric value. */
  static String line(String name, double value, String unit, String function, long epochMillis) {
    var definition = new LinkedHashMap<String, Object>();
    definition.put("Name", name);
    definition.put("Unit", unit);
    var directive = new LinkedHashMap<String, Object>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", List.of(List.of("Function")));
    directive.put("Metrics", List.of(definition));
    var aws = new LinkedHashMap<String, Object>();
    aws.put("Timestamp", epochMillis);
    aws.put("CloudWatchMetrics", List.of(directive));
    var line = new LinkedHashMap<String, Object>();
    line.put("_aws", aws);
    line.put("Function", function);
    line.put(name, value == Math.rint(value) ? (Object) (long) value : (Object) value);
    return Json.write(line);
  }

  private static void emit(String name, double value, String unit) {
    sink.accept(line(name, value, unit, Log.function(), clock.millis()));
  }

  /** For tests: where lines go and the clock (null: back to stdout and the system clock). */
  static void redirect(Consumer<String> replacement, Clock fixed) {
    sink = replacement == null ? Log::raw : replacement;
    clock = fixed == null ? Clock.systemUTC() : fixed;
  }

  /** The metric names, for the dashboard test. */
  public static Map<String, String> all() {
    return Map.of(
        UPLOADS_STARTED, "Count",
        UPLOADS_COMPLETED, "Count",
        TRANSCODE_DURATION, "Milliseconds",
        TRANSCODE_FAILURES, "Count",
        RATING_WRITES, "Count",
        COMMENT_WRITES, "Count");
  }
}
