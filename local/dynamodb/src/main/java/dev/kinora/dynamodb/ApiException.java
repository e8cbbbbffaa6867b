package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failure answered to the client as a DynamoDB error body. The type is the full {@code __type}
 * the real service sends; the SDK maps the part after '#' to its exception class.
 */
final class ApiException extends RuntimeException {
  private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

  private final String type;
  private final int status;
  private final transient ObjectNode extra;

  ApiException(String type, String message, int status, ObjectNode extra) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
    this.extra = extra;
  }

  static ApiException validation(String message) {
    return new ApiException("com.amazon.coral.validate#ValidationException", message, 400, null);
  }

  static ApiException serialization(String message) {
    return new ApiException(DYNAMODB + "SerializationException", message, 400, null);
  }

  static ApiException resourceNotFound(String message) {
    return new ApiException(DYNAMODB + "ResourceNotFoundException", message, 400, null);
  }

  static ApiException resourceInUse(String message) {
    return new ApiException(DYNAMODB + "ResourceInUseException", message, 400, null);
  }

  static ApiException unknownOperation(String operation) {
    return new ApiException(
        "com.amazon.coral.service#UnknownOperationException",
        "Operation is not supported by kinora-dynamodb-lite: " + operation,
        400,
        null);
  }

  static ApiException conditionalCheckFailed(ObjectNode itemJson) {
    ObjectNode extra = null;
    if (itemJson != null) {
      extra = JsonNodeFactory.instance.objectNode();
      extra.set("Item", itemJson);
    }
    return new ApiException(
        DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed", 400, extra);
  }

  static ApiException transactionCanceled(String message, ObjectNode extra) {
    return new ApiException(DYNAMODB + "TransactionCanceledException", message, 400, extra);
  }

  static ApiException internal(String message) {
    return new ApiException(DYNAMODB + "InternalServerError", message, 500, null);
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }

  ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", type);
    if (extra != null) {
      body.setAll(extra);
    }
    body.put("message", getMessage());
    return body;
  }
}
