package dev.kinora.transcode.mediaconvert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of an EventBridge "MediaConvert Job State Change" event that finish a video. Read
 * leniently: an event is AWS's, but its shape varies by status and output group type, and a field
 * this code does not need must never fail it.
 *
 * @param videoId the {@code videoId} user metadata the job was created with, if any
 * @param outputGroups for COMPLETE: one entry per output group, in job order
 */
public record JobStateChange(
    String jobId,
    String status,
    Optional<String> videoId,
    OptionalInt errorCode,
    Optional<String> errorMessage,
    List<OutputGroupDetail> outputGroups) {

  public static final String COMPLETE = "COMPLETE";
  public static final String ERROR = "ERROR";

  /** Someone cancelled the job (console, API): it will never complete. */
  public static final String CANCELED = "CANCELED";

  public JobStateChange {
    outputGroups = List.copyOf(outputGroups);
  }

  /** One output group of a finished job: its type and where its files went. */
  public record OutputGroupDetail(
      String type, List<String> playlistFilePaths, List<OutputDetail> outputs) {
    public OutputGroupDetail {
      playlistFilePaths = List.copyOf(playlistFilePaths);
      outputs = List.copyOf(outputs);
    }
  }

  /** One output: its files, duration and actual frame size (zero when the event omits them). */
  public record OutputDetail(
      List<String> outputFilePaths, long durationInMs, int widthInPx, int heightInPx) {
    public OutputDetail {
      outputFilePaths = List.copyOf(outputFilePaths);
    }
  }

  /** The event's {@code detail}, or the whole event when given the detail alone. */
  public static JobStateChange fromEvent(JsonNode event) {
    JsonNode detail = event.has("detail") ? event.get("detail") : event;
    JsonNode errorCode = detail.path("errorCode");
    return new JobStateChange(
        detail.path("jobId").asText(""),
        detail.path("status").asText(""),
        text(detail.path("userMetadata").path(LadderJobRequest.VIDEO_ID_KEY)),
        errorCode.canConvertToInt() ? OptionalInt.of(errorCode.asInt()) : OptionalInt.empty(),
        text(detail.path("errorMessage")),
        outputGroups(detail.path("outputGroupDetails")));
  }

  private static List<OutputGroupDetail> outputGroups(JsonNode groups) {
    List<OutputGroupDetail> result = new ArrayList<>();
    for (JsonNode group : groups) {
      List<OutputDetail> outputs = new ArrayList<>();
      for (JsonNode output : group.path("outputDetails")) {
        JsonNode video = output.path("videoDetails");
        outputs.add(
            new OutputDetail(
                strings(output.path("outputFilePaths")),
                output.path("durationInMs").asLong(0),
                video.path("widthInPx").asInt(0),
                video.path("heightInPx").asInt(0)));
      }
      result.add(
          new OutputGroupDetail(
              group.path("type").asText(""), strings(group.path("playlistFilePaths")), outputs));
    }
    return result;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      if (value.isTextual()) {
        values.add(value.asText());
      }
    }
    return values;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
