package dev.kinora.dynamodb;

/**
 * Receives DynamoDB Streams records of tables with StreamEnabled. Records arrive in commit order on
 * one delivery thread, after the write that caused them has been acknowledged; a listener may call
 * back into the server.
 */
@FunctionalInterface
public interface StreamListener {
  void onRecord(StreamRecord record);
}
