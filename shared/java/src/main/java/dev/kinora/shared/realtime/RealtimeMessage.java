package dev.kinora.shared.realtime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kinora.shared.model.ApiError;
import dev.kinora.shared.model.Notification;
import java.util.List;

/**
 * Every message the server sends on the WebSocket (schema {@code RealtimeServerMessage}); Jackson
 * writes the {@code type} property from the names below.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RealtimeMessage.TranscodeStarted.class, name = "transcode.started"),
  @JsonSubTypes.Type(value = RealtimeMessage.TranscodeProgress.class, name = "transcode.progress"),
  @JsonSubTypes.Type(
      value = RealtimeMessage.TranscodeCompleted.class,
      name = "transcode.completed"),
  @JsonSubTypes.Type(value = RealtimeMessage.TranscodeFailed.class, name = "transcode.failed"),
  @JsonSubTypes.Type(value = RealtimeMessage.Subscribed.class, name = "subscribed"),
  @JsonSubTypes.Type(value = RealtimeMessage.Unsubscribed.class, name = "unsubscribed"),
  @JsonSubTypes.Type(value = RealtimeMessage.Refused.class, name = "error"),
  @JsonSubTypes.Type(value = RealtimeMessage.NotificationNew.class, name = "notification.new")
})
public sealed interface RealtimeMessage {

  /** {@code transcode.started}. */
  record TranscodeStarted(String videoId) implements RealtimeMessage {}

  /** {@code transcode.progress}: one rendition's percent. */
  record TranscodeProgress(String videoId, String resolution, double progress)
      implements RealtimeMessage {}

  /** {@code transcode.completed}; {@code thumbnailUrl} may be null. */
  record TranscodeCompleted(
      String videoId, List<String> resolutions, String thumbnailUrl, double durationSeconds)
      implements RealtimeMessage {
    public TranscodeCompleted {
      resolutions = List.copyOf(resolutions);
    }
  }

  /** {@code transcode.failed} with the reason the uploader reads. */
  record TranscodeFailed(String videoId, String reason) implements RealtimeMessage {}

  /** The answer to {@code subscribe}. */
  record Subscribed(String videoId) implements RealtimeMessage {}

  /** The answer to {@code unsubscribe}. */
  record Unsubscribed(String videoId) implements RealtimeMessage {}

  /**
   * {@code error}: a client message the server refused; {@code action} and {@code videoId} are null
   * when the message had none.
   */
  record Refused(String action, String videoId, ApiError error) implements RealtimeMessage {}

  /**
   * {@code notification.new}: sent to every connection of the notified user (no subscribe needed),
   * with the unread count after it.
   */
  record NotificationNew(Notification notification, long unreadCount) implements RealtimeMessage {}
}
