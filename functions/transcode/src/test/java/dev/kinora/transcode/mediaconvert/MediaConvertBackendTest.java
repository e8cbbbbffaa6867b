package dev.kinora.transcode.mediaconvert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.json.Json;
import dev.kinora.transcode.TranscodeJob;
import dev.kinora.transcode.TranscodeOutcome;
import dev.kinora.transcode.ffmpeg.Rung;
import dev.kinora.transcode.ffmpeg.TranscodeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mediaconvert.model.BadRequestException;

/**
 * The backend's real CreateJob call, through the SDK's real client (signing, REST-JSON marshalling,
 * response parsing), against a local HTTP server standing in for the account's MediaConvert
 * endpoint. The assertions read the JSON the SDK put on the wire.
 */
class MediaConvertBackendTest {
  private static final LadderSpec LADDER = LadderSpec.from(TranscodeSettings.load());
  private static final String VIDEO_ID = "Vq3xK9mZ2aB";
  private static final String ROLE =
      "arn:aws:iam::123456789012:role/kinora-dev-MediaConvertRole-1A2B3C4D5E6F";
  private static final String QUEUE = "arn:aws:mediaconvert:us-east-1:123456789012:queues/Default";
  private static final TranscodeJob JOB =
      new TranscodeJob(
          VIDEO_ID,
          "kinora-raw-dev-123456789012-us-east-1",
          "raw/" + VIDEO_ID + "/source",
          "kinora-media-dev-123456789012-us-east-1",
          "media/" + VIDEO_ID + "/",
          "AAAAAAAAAAAAAAAAAAAAAA");

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile int status = 201;
  private volatile String errorType;

  record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {}

  @BeforeEach
  void startTheFakeEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stopTheFakeEndpoint() {
    server.stop(0);
  }

  @Test
  void submittingAJobReturnsTheJobIdMediaConvertAssigned() throws Exception {
    TranscodeOutcome outcome = backend().transcode(JOB);

    assertThat(outcome).isEqualTo(new TranscodeOutcome.Submitted("1764093700123-q8w2ze"));
    assertThat(received).hasSize(1);
    Received request = received.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/2017-08-29/jobs");
    assertThat(request.headers().get("Authorization").get(0))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDKINORATEST/")
        .contains("/us-east-1/mediaconvert/aws4_request");
  }

  @Test
  void theJobRunsAsTheMediaConvertRoleInTheConfiguredQueueTaggedWithVideoAndStack()
      throws Exception {
    backend().transcode(JOB);

    JsonNode body = received.get(0).body();
    assertThat(body.path("role").asText()).isEqualTo(ROLE);
    assertThat(body.path("queue").asText()).isEqualTo(QUEUE);
    assertThat(body.path("userMetadata"))
        .isEqualTo(Json.tree(Map.of("videoId", VIDEO_ID, "kinoraStack", "kinora-dev")));
    assertThat(body.path("clientRequestToken").asText()).isEqualTo(VIDEO_ID);
  }

  @Test
  void theInputIsTheRawOriginalWithRotationAppliedAndADefaultAudioSelector() throws Exception {
    backend().transcode(JOB);

    JsonNode inputs = received.get(0).body().path("settings").path("inputs");
    assertThat(inputs).hasSize(1);
    JsonNode input = inputs.get(0);
    assertThat(input.path("fileInput").asText())
        .isEqualTo("s3://kinora-raw-dev-123456789012-us-east-1/raw/" + VIDEO_ID + "/source");
    assertThat(input.path("videoSelector").path("rotate").asText()).isEqualTo("AUTO");
    assertThat(
            input.path("audioSelectors").path("Audio Selector 1").path("defaultSelection").asText())
        .isEqualTo("DEFAULT");
  }

  @Test
  void oneHlsGroupWritesTheMasterPlaylistUnderTheVideosMediaPrefix() throws Exception {
    backend().transcode(JOB);

    JsonNode group = received.get(0).body().path("settings").path("outputGroups").get(0);
    JsonNode settings = group.path("outputGroupSettings");
    assertThat(settings.path("type").asText()).isEqualTo("HLS_GROUP_SETTINGS");
    JsonNode hls = settings.path("hlsGroupSettings");
    assertThat(hls.path("destination").asText())
        .isEqualTo("s3://kinora-media-dev-123456789012-us-east-1/media/" + VIDEO_ID + "/master");
    assertThat(hls.path("segmentLength").asInt()).isEqualTo(LADDER.segmentSeconds());
    assertThat(hls.path("segmentControl").asText()).isEqualTo("SEGMENTED_FILES");
    assertThat(hls.path("streamInfResolution").asText()).isEqualTo("INCLUDE");
    assertThat(hls.path("codecSpecification").asText()).isEqualTo("RFC_4281");
  }

  @Test
  void everyRungOfTheLadderIsAnH264RenditionAtItsSizeBitrateAndKeyframeInterval() throws Exception {
    backend().transcode(JOB);

    JsonNode outputs =
        received.get(0).body().path("settings").path("outputGroups").get(0).path("outputs");
    assertThat(outputs).hasSize(LADDER.rungs().size());
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < LADDER.rungs().size(); i++) {
      Rung rung = LADDER.rungs().get(i);
      JsonNode output = outputs.get(i);
      assertThat(output.path("nameModifier").asText()).isEqualTo("_" + rung.name());
      assertThat(output.path("containerSettings").path("container").asText()).isEqualTo("M3U8");
      JsonNode video = output.path("videoDescription");
      assertThat(video.path("width").asInt()).isEqualTo(rung.width());
      assertThat(video.path("height").asInt()).isEqualTo(rung.height());
      assertThat(video.path("scalingBehavior").asText()).isEqualTo("FIT_NO_UPSCALE");
      JsonNode codec = video.path("codecSettings");
      assertThat(codec.path("codec").asText()).isEqualTo("H_264");
      JsonNode h264 = codec.path("h264Settings");
      assertThat(h264.path("rateControlMode").asText()).isEqualTo("QVBR");
      assertThat(h264.path("maxBitrate").asDouble())
          .isEqualTo(Math.round(rung.videoKbps() * 1000 * LADDER.maxRateFactor()));
      assertThat(h264.path("hrdBufferSize").asDouble())
          .isEqualTo(Math.round(rung.videoKbps() * 1000 * LADDER.bufferFactor()));
      assertThat(h264.path("gopSize").asDouble()).isEqualTo(LADDER.keyframeIntervalSeconds());
      assertThat(h264.path("gopSizeUnits").asText()).isEqualTo("SECONDS");
      assertThat(h264.path("sceneChangeDetect").asText()).isEqualTo("DISABLED");
      JsonNode audio = output.path("audioDescriptions");
      assertThat(audio).hasSize(1);
      assertThat(audio.get(0).path("audioSourceName").asText()).isEqualTo("Audio Selector 1");
      JsonNode aac = audio.get(0).path("codecSettings");
      assertThat(aac.path("codec").asText()).isEqualTo("AAC");
      assertThat(aac.path("aacSettings").path("bitrate").asInt())
          .isEqualTo(rung.audioKbps() * 1000);
      assertThat(aac.path("aacSettings").path("codingMode").asText())
          .isEqualTo(LADDER.audioChannels() == 1 ? "CODING_MODE_1_0" : "CODING_MODE_2_0");
      checked.add(rung.name());
    }
    assertThat(checked).containsExactly("1080p", "720p", "480p", "360p");
  }

  @Test
  void aFrameCaptureGroupWritesPosterCandidatesOnePerSegment() throws Exception {
    backend().transcode(JOB);

    JsonNode group = received.get(0).body().path("settings").path("outputGroups").get(1);
    JsonNode settings = group.path("outputGroupSettings");
    assertThat(settings.path("type").asText()).isEqualTo("FILE_GROUP_SETTINGS");
    assertThat(settings.path("fileGroupSettings").path("destination").asText())
        .isEqualTo("s3://kinora-media-dev-123456789012-us-east-1/media/" + VIDEO_ID + "/thumbnail");
    JsonNode output = group.path("outputs").get(0);
    assertThat(output.path("extension").asText()).isEqualTo("jpg");
    assertThat(output.path("containerSettings").path("container").asText()).isEqualTo("RAW");
    JsonNode video = output.path("videoDescription");
    assertThat(video.path("width").asInt()).isEqualTo(LADDER.thumbnailWidth());
    assertThat(video.has("height")).as("height follows the source's aspect ratio").isFalse();
    assertThat(video.path("codecSettings").path("codec").asText()).isEqualTo("FRAME_CAPTURE");
    JsonNode capture = video.path("codecSettings").path("frameCaptureSettings");
    assertThat(capture.path("framerateNumerator").asInt()).isEqualTo(1);
    assertThat(capture.path("framerateDenominator").asInt()).isEqualTo(LADDER.segmentSeconds());
    assertThat(capture.path("maxCaptures").asInt()).isEqualTo(LADDER.maxFrameCaptures());
  }

  @Test
  void aRefusedRequestPropagatesSoTheTranscodeMessageIsRetried() {
    status = 400;
    errorType = "BadRequestException";

    assertThatThrownBy(() -> backend().transcode(JOB))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("role is not valid");
  }

  @Test
  void theRequestBuilderIsAPureFunctionOfItsInputs() {
    var settings = settings("http://127.0.0.1:9");
    assertThat(LadderJobRequest.of(JOB, LADDER, settings))
        .isEqualTo(LadderJobRequest.of(JOB, LADDER, settings));
  }

  private MediaConvertBackend backend() {
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    return MediaConvertWiring.from(
            Config.of(
                Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "AKIDKINORATEST",
                    "AWS_SECRET_ACCESS_KEY", "kinora-test-secret",
                    "MEDIACONVERT_ENDPOINT", endpoint,
                    "MEDIACONVERT_ROLE_ARN", ROLE,
                    "MEDIACONVERT_QUEUE", QUEUE,
                    "KINORA_STACK", "kinora-dev")))
        .backend();
  }

  private static MediaConvertSettings settings(String endpoint) {
    return MediaConvertSettings.from(
        Config.of(
            Map.of(
                "MEDIACONVERT_ENDPOINT", endpoint,
                "MEDIACONVERT_ROLE_ARN", ROLE,
                "KINORA_STACK", "kinora-dev")));
  }

  /** Answers like MediaConvert: 201 with the created job, which echoes the request's settings. */
  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body;
      try (InputStream in = exchange.getRequestBody()) {
        body = Json.mapper().readTree(in);
      }
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      byte[] answer;
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("x-amzn-RequestId", "6d3b1a5e-1f4e-4c1a-9d0c-1c2b3a4d5e6f");
      if (errorType != null) {
        exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        answer =
            Json.write(Map.of("message", "The role is not valid: " + body.path("role").asText()))
                .getBytes(UTF_8);
      } else {
        answer = Json.mapper().writeValueAsBytes(createdJob(body));
      }
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private static JsonNode createdJob(JsonNode request) throws IOException {
    ObjectNode response;
    try (InputStream in =
        MediaConvertBackendTest.class.getResourceAsStream("create-job-response.json")) {
      response = (ObjectNode) Json.mapper().readTree(in);
    }
    ObjectNode job = (ObjectNode) response.get("job");
    for (String echoed :
        List.of("clientRequestToken", "queue", "role", "settings", "userMetadata")) {
      job.set(echoed, request.path(echoed));
    }
    return response;
  }
}
