package dev.kinora.shared.contract;

/**
 * The error codes of the contract ({@code components.schemas.ErrorCode} in openapi.yaml) with the
 * HTTP status each one is answered with ({@code x-kinora-status}). A test keeps the two identical.
 */
public enum ErrorCode {
  VALIDATION_ERROR(400),
  INVALID_INPUT(400),
  UNAUTHORIZED(401),
  SESSION_EXPIRED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  VIDEO_NOT_FOUND(404),
  CHANNEL_NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  CONFLICT(409),
  EMAIL_TAKEN(409),
  HANDLE_TAKEN(409),
  UPLOAD_EXPIRED(410),
  UPLOAD_INCOMPLETE(409),
  FILE_TOO_LARGE(413),
  UNSUPPORTED_FORMAT(415),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status code this error is answered with. */
  public int httpStatus() {
    return httpStatus;
  }
}
