package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.template.FunctionDef;
import dev.kinora.local.template.Template;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numbers template.yaml cannot read from limits.json stay equal to it: the queue's attempts
 * (which the dead-letter reason names), the work storage the code budgets for, and the timeouts
 * that must nest (ffmpeg inside the function, the function six times inside the visibility).
 */
class TemplateConsistencyTest {
  private final Template template = Template.load(SqsMessages.root().resolve("template.yaml"));
  private final Limits limits = Contract.load().limits();

  private FunctionDef function(String logicalId) {
    return template.functions().stream()
        .filter(f -> f.logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow();
  }

  private Map<?, ?> properties(String logicalId) {
    return template.resources().get(logicalId).properties();
  }

  @Test
  void theQueueDeliversAsOftenAsTheDeadLetterReasonSays() {
    var redrive = (Map<?, ?>) properties("TranscodeQueue").get("RedrivePolicy");

    assertThat(((Number) redrive.get("maxReceiveCount")).intValue())
        .isEqualTo(limits.transcodeJob().maxAttempts());
  }

  @Test
  void theWorkStorageBudgetIsTheFunctionsEphemeralStorage() {
    var storage = (Map<?, ?>) function("TranscodeFunction").properties().get("EphemeralStorage");

    assertThat(((Number) storage.get("Size")).intValue())
        .isEqualTo(limits.transcodeJob().workStorageMb());
  }

  @Test
  void timeoutsNest() {
    int functionTimeout = function("TranscodeFunction").timeoutSeconds();
    int visibility = ((Number) properties("TranscodeQueue").get("VisibilityTimeout")).intValue();

    assertThat(limits.transcode().ffmpegTimeoutSeconds()).isLessThan(functionTimeout);
    assertThat(visibility).isEqualTo(6 * functionTimeout);
  }

  @Test
  void theTranscodeFunctionTakesOneVideoAtATimeAndReportsItemFailures() {
    var events = function("TranscodeFunction").events();

    assertThat(events).hasSize(1);
    assertThat(events.getFirst().properties())
        .containsEntry("BatchSize", 1)
        .containsEntry("FunctionResponseTypes", java.util.List.of("ReportBatchItemFailures"));
  }

  @Test
  void theChunkQueueRetriesLikeTheTranscodeQueueAndNestsItsTimeouts() {
    var redrive = (Map<?, ?>) properties("TranscodeChunkQueue").get("RedrivePolicy");
    int visibility =
        ((Number) properties("TranscodeChunkQueue").get("VisibilityTimeout")).intValue();
    int chunkTimeout = function("TranscodeChunkFunction").timeoutSeconds();

    assertThat(((Number) redrive.get("maxReceiveCount")).intValue())
        .isEqualTo(limits.transcodeJob().maxAttempts());
    assertThat(limits.transcode().ffmpegTimeoutSeconds()).isLessThan(chunkTimeout);
    assertThat(visibility).isEqualTo(6 * chunkTimeout);
  }

  @Test
  void theChunkFunctionTakesOneChunkAtATimeWithTheWorkStorageTheCodeBudgets() {
    var chunks = function("TranscodeChunkFunction");
    var storage = (Map<?, ?>) chunks.properties().get("EphemeralStorage");

    assertThat(chunks.events()).hasSize(1);
    assertThat(chunks.events().getFirst().properties())
        .containsEntry("BatchSize", 1)
        .containsEntry("FunctionResponseTypes", java.util.List.of("ReportBatchItemFailures"));
    assertThat(((Number) storage.get("Size")).intValue())
        .isEqualTo(limits.transcodeJob().workStorageMb());
  }

  @Test
  void aChunkThatFailsEveryAttemptReachesTheDeadLetterConsumer() {
    var deadLetters = function("TranscodeDeadLetterFunction").events();

    assertThat(deadLetters)
        .extracting(e -> String.valueOf(e.properties().get("Queue")))
        .anySatisfy(queue -> assertThat(queue).contains("TranscodeChunkDeadLetterQueue"));
  }
}
