package dev.kinora.local.template;

/**
 * The template cannot be read: not YAML, duplicate keys, or not a CloudFormation template at all.
 */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
