package dev.kinora.shared.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.ApiError;
import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.ErrorDetails;
import dev.kinora.shared.model.Notification;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every server message serializes to JSON RealtimeServerMessage accepts, and reads back equal. */
class RealtimeMessagesMatchSchemaTest {
  private static final Contract CONTRACT = Contract.load();

  static Stream<RealtimeMessage> messages() {
    return Stream.of(
        new RealtimeMessage.TranscodeStarted("dQw4w9WgXcQ"),
        new RealtimeMessage.TranscodeProgress("dQw4w9WgXcQ", "720p", 12.5),
        new RealtimeMessage.TranscodeCompleted(
            "dQw4w9WgXcQ",
            List.of("720p", "360p"),
            "/media/dQw4w9WgXcQ/poster-3q2-7wAAAQIDBAUGBwgJCg.jpg",
            12.48),
        new RealtimeMessage.TranscodeCompleted("dQw4w9WgXcQ", List.of("360p"), null, 2),
        new RealtimeMessage.TranscodeFailed("dQw4w9WgXcQ", "This file is not a video"),
        new RealtimeMessage.NotificationNew(
            new Notification(
                "dQw4w9WgXcQ",
                Notification.Kind.UPLOAD,
                false,
                Instant.parse("2026-11-25T10:15:30Z"),
                new Video(
                    "dQw4w9WgXcQ",
                    "ch_1",
                    "Walk",
                    "",
                    List.of(),
                    List.of(),
                    VideoVisibility.PUBLIC,
                    VideoStatus.READY,
                    null,
                    12.0,
                    List.of("360p"),
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    0,
                    0,
                    Instant.parse("2026-11-25T10:15:30Z"),
                    Instant.parse("2026-11-25T10:15:30Z")),
                new ChannelSummary("ch_1", "walker", "The Walker", null, 1)),
            4),
        new RealtimeMessage.Subscribed("dQw4w9WgXcQ"),
        new RealtimeMessage.Unsubscribed("dQw4w9WgXcQ"),
        new RealtimeMessage.Refused(
            "subscribe",
            "dQw4w9WgXcQ",
            new ApiError(ErrorCode.VIDEO_NOT_FOUND, "You have no video with this id", null, null)),
        new RealtimeMessage.Refused(
            null,
            null,
            new ApiError(
                ErrorCode.VALIDATION_ERROR,
                "Not understood",
                ErrorDetails.ofIssues(List.of(new ValidationIssue("/action", "Send an action"))),
                null)));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void serializesToTheContractAndBack(RealtimeMessage message) throws Exception {
    JsonNode json = Json.tree(message);
    assertThat(CONTRACT.validate("RealtimeServerMessage", json)).as(json.toString()).isEmpty();
    assertThat(Json.mapper().treeToValue(json, RealtimeMessage.class)).isEqualTo(message);
  }
}
