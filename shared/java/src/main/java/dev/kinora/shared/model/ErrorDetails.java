package dev.kinora.shared.model;

import dev.kinora.shared.contract.ValidationIssue;
import java.util.List;

/**
 * Structured details of an error (schema {@code ErrorDetails}): the issues of a VALIDATION_ERROR or
 * the wait of a RATE_LIMITED; the field that does not apply is null.
 */
public record ErrorDetails(List<ValidationIssue> issues, Long retryAfterSeconds) {

  public static ErrorDetails ofIssues(List<ValidationIssue> issues) {
    return new ErrorDetails(List.copyOf(issues), null);
  }

  public static ErrorDetails ofRetryAfter(long seconds) {
    return new ErrorDetails(null, seconds);
  }
}
