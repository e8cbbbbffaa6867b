package dev.kinora.system.operability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.metrics.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard in template.yaml shows every metric the functions emit, errors and DLQ depth. */
class OperationsDashboardTest {
  @Test
  void theDashboardGraphsEveryEmittedMetricFunctionErrorsAndDeadLetterDepth() throws Exception {
    Path root = Path.of(System.getProperty("kinora.root", "../..")).toAbsolutePath().normalize();
    String template = Files.readString(root.resolve("template.yaml"));
    int start = template.indexOf("  OperationsDashboard:");
    assertThat(start).as("template.yaml has the OperationsDashboard").isPositive();
    // up to the next resource (a line with two spaces of indent and a name)
    Matcher next = Pattern.compile("\n  [A-Za-z0-9]+:\n").matcher(template);
    int end = next.find(start + 1) ? next.start() : template.length();
    String dashboard = template.substring(start, end);

    assertThat(dashboard).contains("Type: AWS::CloudWatch::Dashboard");
    for (String metric : Metrics.all().keySet()) {
      assertThat(dashboard).as(metric).contains("MetricName=\\\"" + metric + "\\\"");
    }
    assertThat(dashboard)
        .contains("{" + Metrics.NAMESPACE + ",Function}")
        .contains("MetricName=\\\"Errors\\\"", "MetricName=\\\"Duration\\\"")
        .contains("ApproximateNumberOfMessagesVisible", "${TranscodeDeadLetterQueue.QueueName}");
  }
}
