package dev.kinora.engagement;

/**
 * One page of a fan-out (NotificationFanOutQueue, JSON): {@code publish} notifies the channel's
 * {@code all} subscribers of a video that became listable for the first time, {@code withdraw}
 * stops counting the notifications of one that stopped being listable as unread, {@code delete}
 * deletes those of a deleted video. {@code after} is where this page of subscribers starts (null =
 * the first page). {@code publishId} names the change that started a publish (the stream record's
 * event id), so only the first publish of a video announces it, and a redelivered page of that one
 * still does; null on the other actions.
 */
public record FanOutMessage(
    Action action, String videoId, String channelId, String after, String publishId) {

  /** What the fan-out does for each subscriber. */
  public enum Action {
    @com.fasterxml.jackson.annotation.JsonProperty("publish")
    PUBLISH,
    @com.fasterxml.jackson.annotation.JsonProperty("withdraw")
    WITHDRAW,
    @com.fasterxml.jackson.annotation.JsonProperty("delete")
    DELETE
  }

  FanOutMessage next(String nextAfter) {
    return new FanOutMessage(action, videoId, channelId, nextAfter, publishId);
  }
}
