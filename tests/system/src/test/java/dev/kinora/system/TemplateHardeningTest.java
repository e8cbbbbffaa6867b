package dev.kinora.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.template.FunctionDef;
import dev.kinora.local.template.Resource;
import dev.kinora.local.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What makes template.yaml fit for a real account (issue 12, part 5), beyond the structural
 * validation of {@code TemplateValidator} (which already refuses IAM {@code *} actions and
 * resources): storage locked down, logs kept for a bounded time, runaways capped, failures alarmed,
 * API functions on SnapStart behind their alias, and the CDN's security headers on every behaviour.
 */
class TemplateHardeningTest {
  private final Template template = Template.load(Repository.root().resolve("template.yaml"));

  @Test
  void everyBucketBlocksPublicAccessAndEncryptsByDefault() {
    List<Resource> buckets = template.resourcesOfType("AWS::S3::Bucket");
    assertThat(buckets).isNotEmpty();
    for (Resource bucket : buckets) {
      Map<String, Object> block = map(bucket.properties().get("PublicAccessBlockConfiguration"));
      assertThat(block)
          .as(bucket.logicalId() + " PublicAccessBlockConfiguration")
          .containsEntry("BlockPublicAcls", true)
          .containsEntry("BlockPublicPolicy", true)
          .containsEntry("IgnorePublicAcls", true)
          .containsEntry("RestrictPublicBuckets", true);
      assertThat(bucket.properties().get("BucketEncryption"))
          .as(bucket.logicalId() + " BucketEncryption")
          .isNotNull();
    }
  }

  /**
   * Tables of lasting data get point-in-time recovery (in prod; a dev stack's data is disposable);
   * tables whose items all expire (sessions, rate-limit windows, markers, connections) need none.
   */
  @Test
  void everyTableOfLastingDataHasPointInTimeRecoveryInProd() {
    for (Resource table : template.resourcesOfType("AWS::DynamoDB::Table")) {
      if (table.properties().containsKey("TimeToLiveSpecification")
          && !table.properties().containsKey("PointInTimeRecoverySpecification")) {
        continue;
      }
      Object enabled =
          map(table.properties().get("PointInTimeRecoverySpecification"))
              .get("PointInTimeRecoveryEnabled");
      assertThat(String.valueOf(enabled))
          .as(table.logicalId() + " PointInTimeRecoveryEnabled")
          .isIn("true", "{Fn::If=[IsProd, true, false]}");
    }
  }

  @Test
  void everyFunctionLogsToALogGroupWithRetention() {
    for (FunctionDef function : template.functions()) {
      Object logGroup =
          map(template.resources().get(function.logicalId()).properties().get("LoggingConfig"))
              .get("LogGroup");
      assertThat(logGroup)
          .as(function.logicalId() + " LoggingConfig.LogGroup")
          .isInstanceOf(Map.class);
      String groupId = String.valueOf(map(logGroup).get("Ref"));
      Resource group = template.resources().get(groupId);
      assertThat(group).as(function.logicalId() + " log group " + groupId).isNotNull();
      assertThat(group.properties()).as(groupId).containsKey("RetentionInDays");
    }
  }

  /** A transcode function at 10 GB per copy is where a runaway costs real money. */
  @Test
  void transcodeFunctionsHaveReservedConcurrency() {
    for (String id : List.of("TranscodeFunction", "TranscodeChunkFunction")) {
      assertThat(template.resources().get(id).properties())
          .as(id)
          .containsKey("ReservedConcurrentExecutions");
    }
  }

  @Test
  void everyFunctionHasAnErrorsAlarmAndEveryDeadLetterQueueADepthAlarm() {
    List<Resource> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
    Set<String> watched =
        alarms.stream()
            .flatMap(alarm -> list(alarm.properties().get("Dimensions")).stream())
            .map(dimension -> String.valueOf(map(dimension).get("Value")))
            .collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (FunctionDef function : template.functions()) {
      if (!watched.contains("{Ref=" + function.logicalId() + "}")) {
        missing.add(function.logicalId() + " (Errors)");
      }
    }
    for (String queue : deadLetterQueues()) {
      if (!watched.contains("{Fn::GetAtt=[" + queue + ", QueueName]}")) {
        missing.add(queue + " (ApproximateNumberOfMessagesVisible)");
      }
    }
    assertThat(missing).as("resources without an alarm").isEmpty();
    for (Resource alarm : alarms) {
      assertThat(list(alarm.properties().get("AlarmActions")))
          .as(alarm.logicalId() + " AlarmActions")
          .extracting(String::valueOf)
          .containsExactly("{Ref=AlarmTopic}");
    }
  }

  /** Queues named as a RedrivePolicy target or as a function's on-failure destination. */
  private List<String> deadLetterQueues() {
    List<String> queues = new ArrayList<>();
    for (Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
      Object target = map(queue.properties().get("RedrivePolicy")).get("deadLetterTargetArn");
      if (target != null) {
        queues.add(String.valueOf(list(map(target).get("Fn::GetAtt")).getFirst()));
      }
    }
    for (FunctionDef function : template.functions()) {
      Object destination =
          map(map(map(template
                          .resources()
                          .get(function.logicalId())
                          .properties()
                          .get("EventInvokeConfig"))
                      .get("DestinationConfig"))
                  .get("OnFailure"))
              .get("Destination");
      if (destination != null) {
        queues.add(String.valueOf(list(map(destination).get("Fn::GetAtt")).getFirst()));
      }
    }
    assertThat(queues).isNotEmpty();
    return queues.stream().distinct().toList();
  }

  /**
   * Request handlers start from a SnapStart snapshot (published versions, via AutoPublishAlias),
   * and the HTTP API's authorizers invoke that alias too, not $LATEST.
   */
  @Test
  void apiFunctionsUseSnapStartBehindTheirAlias() {
    Map<String, Object> globals = map(map(template.raw().get("Globals")).get("Function"));
    assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
    assertThat(map(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
    for (FunctionDef function : template.functions()) {
      boolean servesApi = function.events().stream().anyMatch(e -> e.type().equals("HttpApi"));
      Object snapStart =
          template.resources().get(function.logicalId()).properties().get("SnapStart");
      if (servesApi) {
        assertThat(snapStart).as(function.logicalId() + " must not turn SnapStart off").isNull();
      }
    }
    for (Resource api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      Map<String, Object> authorizers = map(map(api.properties().get("Auth")).get("Authorizers"));
      authorizers.forEach(
          (name, authorizer) ->
              assertThat(String.valueOf(map(authorizer).get("FunctionArn")))
                  .as(name + " FunctionArn")
                  .endsWith(".Alias}"));
    }
  }

  @Test
  void everyCdnBehaviourSendsTheSecurityHeaders() {
    for (Resource distribution : template.resourcesOfType("AWS::CloudFront::Distribution")) {
      Map<String, Object> config = map(distribution.properties().get("DistributionConfig"));
      List<Object> behaviours = new ArrayList<>(list(config.get("CacheBehaviors")));
      behaviours.add(config.get("DefaultCacheBehavior"));
      for (Object behaviour : behaviours) {
        // Only the embeddable player may be framed by other sites.
        String policy =
            "/embed/*".equals(map(behaviour).get("PathPattern"))
                ? "EmbedHeadersPolicy"
                : "SecurityHeadersPolicy";
        assertThat(String.valueOf(map(behaviour).get("ResponseHeadersPolicyId")))
            .as(distribution.logicalId() + " " + map(behaviour).get("PathPattern"))
            .isEqualTo("{Ref=" + policy + "}");
      }
      for (Object origin : list(config.get("Origins"))) {
        if (map(origin).containsKey("S3OriginConfig")) {
          assertThat(map(origin).get("OriginAccessControlId"))
              .as("S3 origin " + map(origin).get("Id") + " reads through origin access control")
              .isNotNull();
        }
      }
    }
    for (String policy : List.of("SecurityHeadersPolicy", "EmbedHeadersPolicy")) {
      Map<String, Object> security =
          map(
              map(template.resources().get(policy).properties().get("ResponseHeadersPolicyConfig"))
                  .get("SecurityHeadersConfig"));
      String csp =
          String.valueOf(map(security.get("ContentSecurityPolicy")).get("ContentSecurityPolicy"));
      assertThat(csp)
          .as(policy)
          .contains("frame-ancestors ", "script-src 'self';", "object-src 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(security)
          .as(policy)
          .containsKeys("ContentTypeOptions", "ReferrerPolicy", "StrictTransportSecurity");
      if (policy.equals("SecurityHeadersPolicy")) {
        assertThat(csp).contains("frame-ancestors 'none'");
        assertThat(security).containsKey("FrameOptions");
      }
    }
  }

  @SuppressWarnings("unchecked") // template maps are parsed YAML: String keys
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }
}
