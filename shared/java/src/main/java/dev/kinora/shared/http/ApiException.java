package dev.kinora.shared.http;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.model.ErrorDetails;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request that ends in a contract error: {@link Routes} answers it with the error envelope and
 * the code's HTTP status. The message is shown to the user, so it must not contain internals.
 */
public class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final transient ErrorDetails details;

  public ApiException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ApiException(ErrorCode code, String message, ErrorDetails details) {
    // No stack trace: this is an answer, not a fault, and it is thrown on hot paths.
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  /** VALIDATION_ERROR with the issues in {@code details.issues}. */
  public static ApiException validation(List<ValidationIssue> issues) {
    return new ApiException(
        ErrorCode.VALIDATION_ERROR,
        "The request does not match the contract",
        ErrorDetails.ofIssues(issues));
  }

  /** RATE_LIMITED; the response carries {@code Retry-After} (whole seconds, at least 1). */
  public static ApiException rateLimited(Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new ApiException(
        ErrorCode.RATE_LIMITED,
        "Too many requests; try again in " + seconds + " s",
        ErrorDetails.ofRetryAfter(seconds));
  }

  public ErrorCode code() {
    return code;
  }

  public Optional<ErrorDetails> details() {
    return Optional.ofNullable(details);
  }
}
