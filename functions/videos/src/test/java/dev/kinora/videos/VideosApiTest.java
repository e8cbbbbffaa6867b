package dev.kinora.videos;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.http.AuthorizerContext;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

class VideosApiTest {
  private static final Contract CONTRACT = Contract.load();
  private static final SessionUser OWNER =
      new SessionUser(SampleVideos.OWNER, SampleVideos.OWNER_CHANNEL, "owner", 0);

  private final InMemoryVideoStore store = new InMemoryVideoStore();
  private final InMemoryPlayback playback = new InMemoryPlayback();
  private final VideosApi api =
      new VideosApi(
          InMemoryPlayback.service(store, playback, SampleVideos.CREATED),
          InMemoryCaptions.service(
              InMemoryPlayback.service(store, playback, SampleVideos.CREATED),
              new InMemoryCaptions(store),
              SampleVideos.CREATED,
              20),
          CONTRACT.limits());

  private static APIGatewayV2HTTPEvent sample(String name) throws Exception {
    Path file = Path.of(System.getProperty("kinora.root", "../.."), "events", name);
    return LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, VideosApiTest.class.getClassLoader())
        .fromJson(Files.readString(file));
  }

  /**
   * The unknown-video sample event, asking for {@code videoId} as {@code user} (null: anonymous).
   */
  private static APIGatewayV2HTTPEvent getVideo(String videoId, SessionUser user) throws Exception {
    APIGatewayV2HTTPEvent event = sample("videos-get-unknown.json");
    String path = "/api/v1/videos/" + videoId;
    event.setRawPath(path);
    event.getRequestContext().getHttp().setPath(path);
    event
        .getRequestContext()
        .getAuthorizer()
        .setLambda(
            new HashMap<>(
                user == null ? AuthorizerContext.anonymous() : AuthorizerContext.of(user)));
    return event;
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return Json.mapper().readTree(response.getBody());
  }

  @Test
  void everyRouteIsAnOperationOfTheContract() {
    assertThat(CONTRACT.operations()).containsAll(VideosApi.ROUTES.routeKeys());
  }

  @Test
  void aMalformedIdIsAValidationErrorAtVideoId() throws Exception {
    APIGatewayV2HTTPResponse response =
        api.handleRequest(sample("videos-get-malformed-id.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode body = body(response);
    assertThat(CONTRACT.validate("ErrorEnvelope", body)).isEmpty();
    assertThat(body.at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.at("/error/details/issues/0/path").asText()).isEqualTo("/videoId");
  }

  @Test
  void anIdOfTheWrongLengthIsAValidationError() throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(getVideo("abc", null), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).at("/error/details/issues/0/path").asText()).isEqualTo("/videoId");
  }

  @Test
  void anUnknownVideoIsVideoNotFound() throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(sample("videos-get-unknown.json"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    JsonNode body = body(response);
    assertThat(CONTRACT.validate("ErrorEnvelope", body)).isEmpty();
    assertThat(body.at("/error/code").asText()).isEqualTo("VIDEO_NOT_FOUND");
  }

  @Test
  void aReadyPublicVideoIsAnsweredToAnonymousCallersInTheContractShape() throws Exception {
    store.put(SampleVideos.video("Ready000001", VideoVisibility.PUBLIC, VideoStatus.READY));

    APIGatewayV2HTTPResponse response = api.handleRequest(getVideo("Ready000001", null), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(CONTRACT.validate("VideoDetailResponse", body)).isEmpty();
    assertThat(body.at("/data/id").asText()).isEqualTo("Ready000001");
    assertThat(body.at("/data/status").asText()).isEqualTo("ready");
    assertThat(body.at("/data/visibility").asText()).isEqualTo("public");
    assertThat(body.at("/data/resolutions").size()).isEqualTo(3);
    assertThat(body.path("data").has("ownerId"))
        .as("the owner's account id stays private")
        .isFalse();
  }

  @Test
  void theOwnerReadsTheirProcessingVideoAndOthersGetNotFound() throws Exception {
    store.put(SampleVideos.video("Process0001", VideoVisibility.PUBLIC, VideoStatus.PROCESSING));

    APIGatewayV2HTTPResponse owner = api.handleRequest(getVideo("Process0001", OWNER), null);
    APIGatewayV2HTTPResponse anonymous = api.handleRequest(getVideo("Process0001", null), null);

    assertThat(owner.getStatusCode()).isEqualTo(200);
    assertThat(CONTRACT.validate("VideoDetailResponse", body(owner))).isEmpty();
    assertThat(body(owner).at("/data/status").asText()).isEqualTo("processing");
    assertThat(anonymous.getStatusCode()).isEqualTo(404);
    assertThat(body(anonymous).at("/error/code").asText()).isEqualTo("VIDEO_NOT_FOUND");
  }

  @Test
  void anExpiredSessionIsTreatedAsAnonymousNotRefused() throws Exception {
    store.put(SampleVideos.video("Ready000001", VideoVisibility.UNLISTED, VideoStatus.READY));
    APIGatewayV2HTTPEvent event = getVideo("Ready000001", null);
    event.getRequestContext().getAuthorizer().setLambda(new HashMap<>(AuthorizerContext.expired()));

    assertThat(api.handleRequest(event, null).getStatusCode()).isEqualTo(200);
  }
}
