package dev.kinora.engagement;

/** Port: the fan-out queue (SQS NotificationFanOutQueue). */
public interface FanOutQueue {
  void send(FanOutMessage message);
}
