package dev.kinora.shared.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns validator errors into the contract's issues: a JSON Pointer and a short sentence that reads
 * well after the field's label ("Title must be at most 100 characters").
 *
 * <p>A missing required property and an unexpected property are reported at the property's own
 * path, not at the enclosing object, so a form can show the message next to the field.
 */
final class IssueMessages {
  private IssueMessages() {}

  static ValidationIssue toIssue(Error error) {
    String path = error.getInstanceLocation().toString();
    String keyword = String.valueOf(error.getKeyword());
    return switch (keyword) {
      case "required" -> new ValidationIssue(childPath(path, error), "is required");
      case "additionalProperties", "unevaluatedProperties" ->
          new ValidationIssue(childPath(path, error), "is not allowed");
      default -> new ValidationIssue(path, message(keyword, error));
    };
  }

  /** The sentence for {@code keyword}; the keyword's value in the schema is the limit. */
  private static String message(String keyword, Error error) {
    String limit = plain(error.getSchemaNode());
    return switch (keyword) {
      case "type" -> "must be " + article(limit);
      case "minLength" ->
          "1".equals(limit) ? "must not be empty" : "must be at least " + limit + " characters";
      case "maxLength" -> "must be at most " + limit + " characters";
      case "minItems" -> "must have at least " + limit + ("1".equals(limit) ? " item" : " items");
      case "maxItems" -> "must have at most " + limit + ("1".equals(limit) ? " item" : " items");
      case "minimum" -> "must be at least " + limit;
      case "maximum" -> "must be at most " + limit;
      case "exclusiveMinimum" -> "must be greater than " + limit;
      case "exclusiveMaximum" -> "must be less than " + limit;
      case "enum" -> "must be one of: " + String.join(", ", allowedValues(error));
      case "pattern" -> "has characters that are not allowed";
      default -> error.getMessage();
    };
  }

  private static String childPath(String path, Error error) {
    return error.getProperty() == null ? path : path + "/" + escape(error.getProperty());
  }

  /** JSON Pointer escaping of one reference token (RFC 6901). */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String article(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      case "object" -> "an object";
      case "array" -> "an array";
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  /** Numbers as people write them: 0 rather than 0.0, 5368709120 rather than 5.36870912E9. */
  private static String plain(JsonNode value) {
    if (value == null) {
      return "";
    }
    return value.isNumber()
        ? value.decimalValue().stripTrailingZeros().toPlainString()
        : value.asText();
  }

  /** The allowed values of an {@code enum} error: the keyword's own value. */
  private static List<String> allowedValues(Error error) {
    var values = new ArrayList<String>();
    error.getSchemaNode().forEach(value -> values.add(value.asText()));
    return values;
  }
}
