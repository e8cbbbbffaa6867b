package dev.kinora.shared.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record serializes to JSON its schema accepts, and reads back to an equal record. */
class RecordsMatchSchemasTest {
  private static final Contract CONTRACT = Contract.load();
  private static final Instant CREATED = Instant.parse("2026-11-25T10:15:30Z");
  private static final CommentAuthor AUTHOR =
      new CommentAuthor("ch_1", "walker", "The Walker", "https://cdn.example/a.png");

  static Stream<Arguments> examples() {
    return Stream.of(
        example(
            "VideoMetadata",
            new VideoMetadata(
                "Walk", "In the park", List.of("walk"), List.of("travel"), VideoVisibility.PUBLIC)),
        example(
            "UploadCompleteRequest",
            new VideoMetadata("Walk", null, null, null, VideoVisibility.PRIVATE)),
        example(
            "Video",
            new Video(
                "dQw4w9WgXcQ",
                "ch_1",
                "Walk",
                "",
                List.of(),
                List.of(),
                VideoVisibility.UNLISTED,
                VideoStatus.PROCESSING,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                0,
                null,
                CREATED)),
        example(
            "Video",
            new Video(
                "dQw4w9WgXcQ",
                "ch_1",
                "Walk",
                "In the park",
                List.of("walk"),
                List.of("travel"),
                VideoVisibility.PUBLIC,
                VideoStatus.READY,
                null,
                212.5,
                List.of("720p", "480p"),
                null,
                "https://cdn.example/t.jpg",
                "/media/dQw4w9WgXcQ/master.m3u8",
                "/media/dQw4w9WgXcQ/storyboard.jpg",
                10,
                3,
                1,
                2,
                CREATED,
                CREATED)),
        example("UploadInitRequest", new UploadInitRequest("walk.mp4", 10_485_760L, "video/mp4")),
        example(
            "UploadSession",
            new UploadSession(
                "up_1",
                "acc_1",
                "dQw4w9WgXcQ",
                "walk.mp4",
                10_485_760L,
                "video/mp4",
                5_242_880L,
                2,
                List.of(1),
                UploadStatus.ACTIVE,
                CREATED.plusSeconds(86_400),
                CREATED)),
        example("UploadPartUrlsRequest", new UploadPartUrlsRequest(List.of(1, 2, 3))),
        example(
            "UploadPartUrls",
            new UploadPartUrls(
                List.of(new UploadPartUrl(1, "https://s3.example/p1")), CREATED.plusSeconds(3600))),
        example("Channel", new Channel("ch_1", "walker", "The Walker", null, null, 12)),
        example(
            "Channel",
            new Channel("ch_1", "walker", "The Walker", "Walks.", "https://cdn.example/a.png", 0)),
        example(
            "SignupRequest", new SignupRequest("ada@example.com", "correct horse", "Ada", "ada")),
        example("LoginRequest", new LoginRequest("ada@example.com", "correct horse")),
        example("ChannelUpdateRequest", new ChannelUpdateRequest("Ada's", null)),
        example(
            "ChannelUpdateRequest",
            new ChannelUpdateRequest(null, null, "media/avatars/ch_1/Zm9vYmFyYmF6cXV4cXV1eA.png")),
        example("AvatarUploadRequest", new AvatarUploadRequest("image/png", 20_480L)),
        example(
            "AvatarUpload",
            new AvatarUpload(
                "media/avatars/ch_1/Zm9vYmFyYmF6cXV4cXV1eA.png",
                "https://s3.example/media/avatars/ch_1/Zm9vYmFyYmF6cXV4cXV1eA.png?X-Amz-Signature=1",
                "PUT",
                Map.of("Content-Type", "image/png"),
                CREATED.plusSeconds(300))),
        example(
            "Me",
            new Me("acc_1", "ada@example.com", new Channel("ch_1", "ada", "Ada", null, null, 0))),
        example("CommentAuthor", AUTHOR),
        example(
            "Comment",
            new Comment("c_1", "dQw4w9WgXcQ", AUTHOR, "Nice", "c_0", 0, 4, CREATED, null)),
        example(
            "Comment",
            new Comment("c_2", "dQw4w9WgXcQ", AUTHOR, "Nice!", null, 3, 0, CREATED, CREATED)),
        example("CommentCreateRequest", new CommentCreateRequest("Nice", null)),
        example("CommentUpdateRequest", new CommentUpdateRequest("Nicer")),
        example("RatingRequest", new RatingRequest(RatingValue.LIKE)),
        example("Rating", new Rating("dQw4w9WgXcQ", RatingValue.NONE, 3, 1)),
        example("WatchProgress", new WatchProgress("dQw4w9WgXcQ", 61.5, 70, 28.9, CREATED)),
        example("WatchProgressUpdate", new WatchProgressUpdate(61.5, 212.5)),
        example("VideoViewer", new VideoViewer(61.5, RatingValue.NONE, false)),
        example("VideoViewer", new VideoViewer(null, RatingValue.LIKE, true)),
        example("ChannelSummary", new ChannelSummary("ch_1", "walker", "The Walker", null, 3)),
        example(
            "VideoUpdateRequest",
            new VideoUpdateRequest("Walk", null, List.of("walk"), null, VideoVisibility.PRIVATE)),
        example("ViewRequest", new ViewRequest(31.5)),
        example(
            "CaptionTrackUpload",
            new CaptionTrackUpload(
                "English",
                CaptionKind.SUBTITLES,
                CaptionFormat.SRT,
                "1\n00:00:01,000 --> 00:00:02,000\nHi\n")),
        example(
            "CaptionTrack",
            new CaptionTrack(
                "en",
                "English",
                CaptionKind.CAPTIONS,
                CaptionSource.EMBEDDED,
                "/media/abcdefghijk/captions/en.vtt",
                12,
                CREATED)),
        example("ViewResult", new ViewResult(true, 8)),
        example("HealthStatus", HealthStatus.ok("kinora", "0.1.0", CREATED)),
        example("ClientConfig", new ClientConfig(CONTRACT.clientLimits())),
        example("PageMeta", new PageMeta("eyJrIjoxfQ")),
        example("SubscriptionRequest", new SubscriptionRequest(NotifyPreference.PERSONALIZED)),
        example("Subscription", new Subscription("ch_1", true, NotifyPreference.ALL, 3)),
        example("Subscription", new Subscription("ch_1", false, null, 0)),
        example(
            "SubscribedChannel",
            new SubscribedChannel(
                new ChannelSummary("ch_1", "walker", "The Walker", null, 3),
                NotifyPreference.NONE,
                CREATED)),
        example(
            "Notification",
            new Notification(
                "dQw4w9WgXcQ",
                Notification.Kind.UPLOAD,
                false,
                CREATED,
                readyVideo(),
                new ChannelSummary("ch_1", "walker", "The Walker", "/media/avatars/a.png", 3))),
        example("NotificationReadState", new NotificationReadState(0)),
        example(
            "ErrorEnvelope",
            new ErrorEnvelope(
                new ApiError(
                    ErrorCode.VALIDATION_ERROR,
                    "The request does not match the contract",
                    ErrorDetails.ofIssues(List.of(new ValidationIssue("/title", "is required"))),
                    "req-1"))),
        example(
            "ErrorEnvelope",
            new ErrorEnvelope(
                new ApiError(
                    ErrorCode.RATE_LIMITED, "Slow down", ErrorDetails.ofRetryAfter(30), null))));
  }

  static Video readyVideo() {
    return new Video(
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
        CREATED,
        CREATED);
  }

  private static Arguments example(String schema, Record value) {
    return Arguments.of(schema, value);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void serializedRecordIsValidAndReadsBack(String schema, Record value) throws Exception {
    JsonNode json = Json.mapper().readTree(Json.write(value));

    assertThat(CONTRACT.validate(schema, json)).isEmpty();
    assertThat(Json.mapper().treeToValue(json, value.getClass())).isEqualTo(value);
  }
}
