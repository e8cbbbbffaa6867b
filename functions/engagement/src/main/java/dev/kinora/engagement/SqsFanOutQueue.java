package dev.kinora.engagement;

import dev.kinora.shared.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** NotificationFanOutQueue: one JSON {@link FanOutMessage} per SQS message. */
public final class SqsFanOutQueue implements FanOutQueue {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsFanOutQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void send(FanOutMessage message) {
    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.write(message)));
  }
}
