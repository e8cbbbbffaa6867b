package dev.kinora.engagement;

/**
 * One page of a fan-out (NotificationFanOutQueue, JSON): {@code publish} notifies the channel's
 * {@code all} subscribers of a video that became listable, {@code withdraw} deletes the
 * notifications of one that stopped being listable. {@code after} is where this page of subscribers
 * starts (null = the first page).
 */
public record FanOutMessage(Action action, String videoId, String channelId, String after) {

  /** What the fan-out does for each subscriber. */
  public enum Action {
    @com.fasterxml.jackson.annotation.JsonProperty("publish")
    PUBLISH,
    @com.fasterxml.jackson.annotation.JsonProperty("withdraw")
    WITHDRAW
  }

  FanOutMessage next(String nextAfter) {
    return new FanOutMessage(action, videoId, channelId, nextAfter);
  }
}
