package dev.kinora.local.template;

/**
 * An intrinsic function cannot be evaluated: unknown name, malformed arguments, or unsupported
 * locally.
 */
public final class IntrinsicException extends RuntimeException {
  public IntrinsicException(String message) {
    super(message);
  }
}
