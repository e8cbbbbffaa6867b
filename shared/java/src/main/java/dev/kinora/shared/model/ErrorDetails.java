package dev.kinora.shared.model;

import dev.kinora.shared.contract.ValidationIssue;
import java.util.List;

/**
 * Structured details of an error (schema {@code ErrorDetails}): the issues of a VALIDATION_ERROR,
 * the wait of a RATE_LIMITED or the missing parts of an UPLOAD_INCOMPLETE; the fields that do not
 * apply are null.
 */
public record ErrorDetails(
    List<ValidationIssue> issues, Long retryAfterSeconds, List<Integer> missingParts) {

  public static ErrorDetails ofIssues(List<ValidationIssue> issues) {
    return new ErrorDetails(List.copyOf(issues), null, null);
  }

  public static ErrorDetails ofRetryAfter(long seconds) {
    return new ErrorDetails(null, seconds, null);
  }

  /** Part numbers, ascending. */
  public static ErrorDetails ofMissingParts(List<Integer> partNumbers) {
    return new ErrorDetails(null, null, List.copyOf(partNumbers));
  }
}
