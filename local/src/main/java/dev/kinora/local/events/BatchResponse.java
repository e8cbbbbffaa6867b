package dev.kinora.local.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How Lambda reads a function's partial batch response ({@code FunctionResponseTypes:
 * [ReportBatchItemFailures]}), for SQS and stream event-source mappings alike.
 *
 * <p>Complete success: a null or empty response, no {@code batchItemFailures}, or an empty list.
 * Complete failure: a response that is not JSON, an item without {@code itemIdentifier} (wrong key,
 * null, empty) or an identifier that is not in the batch. Otherwise: exactly the listed records
 * failed.
 */
sealed interface BatchResponse {
  ObjectMapper JSON = new ObjectMapper();

  record AllSucceeded() implements BatchResponse {}

  record AllFailed(String reason) implements BatchResponse {}

  record SomeFailed(Set<String> itemIdentifiers) implements BatchResponse {}

  static BatchResponse read(String payload, Set<String> identifiersInBatch) {
    if (payload == null || payload.isBlank()) {
      return new AllSucceeded();
    }
    JsonNode response;
    try {
      response = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      return new AllFailed("the function's response is not valid JSON");
    }
    if (response == null || !response.isObject()) {
      return new AllSucceeded();
    }
    JsonNode failures = response.get("batchItemFailures");
    if (failures == null || failures.isNull() || failures.isEmpty()) {
      return new AllSucceeded();
    }
    Set<String> failed = new LinkedHashSet<>();
    for (JsonNode failure : failures) {
      JsonNode id = failure.get("itemIdentifier");
      if (id == null || id.isNull() || id.asText().isEmpty()) {
        return new AllFailed("a batchItemFailures entry has no itemIdentifier");
      }
      if (!identifiersInBatch.contains(id.asText())) {
        return new AllFailed("itemIdentifier " + id.asText() + " is not in the batch");
      }
      failed.add(id.asText());
    }
    return new SomeFailed(failed);
  }
}
