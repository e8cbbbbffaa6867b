package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.realtime.InMemoryConnectionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionResponse;

/** The adapter over an in-memory table and a fake @connections API. */
class WebSocketStatusPublisherTest {
  private static final String VIDEO = "dQw4w9WgXcQ";

  private final Clock clock = Clock.systemUTC();
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore(clock);
  private final FakeConnections management = new FakeConnections();
  private final WebSocketStatusPublisher publisher =
      new WebSocketStatusPublisher(connections, management, Contract.load());

  /** Records posts; connections in {@code gone} answer 410, in {@code broken} a 500. */
  private static final class FakeConnections implements ApiGatewayManagementApiClient {
    final List<String> posts = new ArrayList<>();
    Set<String> gone = Set.of();
    Set<String> broken = Set.of();

    @Override
    public PostToConnectionResponse postToConnection(
        Consumer<PostToConnectionRequest.Builder> request) {
      PostToConnectionRequest built =
          PostToConnectionRequest.builder().applyMutation(request).build();
      if (gone.contains(built.connectionId())) {
        throw GoneException.builder().statusCode(410).message("gone").build();
      }
      if (broken.contains(built.connectionId())) {
        throw new IllegalStateException("500 from @connections");
      }
      posts.add(built.connectionId() + " " + built.data().asUtf8String());
      return PostToConnectionResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "execute-api";
    }

    @Override
    public void close() {}
  }

  private void subscribed(String connectionId) {
    connections.open(connectionId, "ada", Instant.now().plusSeconds(3600));
    connections.subscribe(connectionId, VIDEO, 10);
  }

  private static JsonNode body(String post) {
    try {
      return Json.mapper().readTree(post.substring(post.indexOf(' ') + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyEventReachesEverySubscriberInContractShape() {
    subscribed("c1");
    subscribed("c2");
    publisher.started(VIDEO);
    publisher.progress(VIDEO, "360p", 42.0);
    publisher.completed(
        VIDEO,
        new ReadyVideo(
            List.of("360p"),
            4.0,
            "/media/x/poster-AAAAAAAAAAAAAAAAAAAAAA.jpg",
            "/media/x/master.m3u8",
            null));
    publisher.failed(VIDEO, "This file is not a video we can read");

    assertThat(management.posts).hasSize(8);
    var contract = Contract.load();
    for (String post : management.posts) {
      assertThat(contract.validate("RealtimeServerMessage", body(post))).as(post).isEmpty();
    }
    assertThat(management.posts.stream().map(p -> body(p).path("type").asText()).distinct())
        .containsExactly(
            "transcode.started", "transcode.progress", "transcode.completed", "transcode.failed");
    JsonNode progress = body(management.posts.get(2));
    assertThat(progress.path("resolution").asText()).isEqualTo("360p");
    assertThat(progress.path("progress").asDouble()).isEqualTo(42.0);
  }

  @Test
  void goneConnectionIsForgottenAndOthersStillHear() {
    subscribed("gone");
    subscribed("live");
    management.gone = Set.of("gone");
    publisher.started(VIDEO);
    assertThat(connections.knows("gone")).isFalse();
    assertThat(management.posts).singleElement().asString().startsWith("live ");
  }

  @Test
  void failingPostToOneConnectionDoesNotStopTheOthers() {
    subscribed("broken");
    subscribed("live");
    management.broken = Set.of("broken");
    publisher.started(VIDEO);
    assertThat(connections.knows("broken")).isTrue();
    assertThat(management.posts).singleElement().asString().startsWith("live ");
  }

  @Test
  void videoWithoutSubscribersPostsNothing() {
    publisher.started(VIDEO);
    assertThat(management.posts).isEmpty();
  }

  @Test
  void progressOutsideZeroToHundredIsClamped() {
    subscribed("c1");
    publisher.progress(VIDEO, "360p", 100.4);
    assertThat(body(management.posts.getFirst()).path("progress").asDouble()).isEqualTo(100.0);
  }
}
