package dev.kinora.transcode;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.HttpClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.log.Log;
import dev.kinora.shared.realtime.ConnectionStore;
import dev.kinora.shared.realtime.DynamoConnectionStore;
import dev.kinora.shared.realtime.RealtimeMessage;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Sends the transcode events to every WebSocket connection subscribed to the video (the realtime
 * function keeps them in ConnectionsTable) through API Gateway's {@code @connections} API. A
 * connection that is gone (410) is forgotten; any other failure of one connection is logged and
 * does not keep the others from hearing. {@link GuardedStatusPublisher} still wraps this, so even a
 * failing table read never fails a transcode.
 */
public final class WebSocketStatusPublisher implements StatusPublisher {
  private static final System.Logger LOG = Log.logger(WebSocketStatusPublisher.class);
  private static final String SERVER_MESSAGE = "RealtimeServerMessage";

  private final ConnectionStore connections;
  private final ApiGatewayManagementApiClient management;
  private final Contract contract;

  public WebSocketStatusPublisher(
      ConnectionStore connections, ApiGatewayManagementApiClient management, Contract contract) {
    this.connections = connections;
    this.management = management;
    this.contract = contract;
  }

  /**
   * The publisher of a function that has {@code REALTIME_ENDPOINT} (the WebSocket API's management
   * endpoint) and {@code CONNECTIONS_TABLE}; empty for one that has not (status is then only
   * logged).
   */
  public static Optional<StatusPublisher> fromConfig(Config config, Limits limits, Clock clock) {
    Optional<String> endpoint = config.find("REALTIME_ENDPOINT");
    if (endpoint.isEmpty()) {
      return Optional.empty();
    }
    var management =
        ApiGatewayManagementApiClient.builder()
            .httpClient(HttpClients.urlConnection())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")))
            .endpointOverride(URI.create(endpoint.get()));
    AwsClients.credentialsProvider(config).ifPresent(management::credentialsProvider);
    return Optional.of(
        new WebSocketStatusPublisher(
            new DynamoConnectionStore(
                AwsClients.dynamoDb(config),
                config.require("CONNECTIONS_TABLE"),
                clock,
                limits.realtime().connectionTtl()),
            management.build(),
            Contract.load()));
  }

  @Override
  public void started(String videoId) {
    send(videoId, new RealtimeMessage.TranscodeStarted(videoId));
  }

  @Override
  public void progress(String videoId, String resolution, double percent) {
    send(
        videoId,
        new RealtimeMessage.TranscodeProgress(
            videoId, resolution, Math.max(0, Math.min(100, percent))));
  }

  @Override
  public void completed(String videoId, ReadyVideo video) {
    send(
        videoId,
        new RealtimeMessage.TranscodeCompleted(
            videoId, video.resolutions(), video.thumbnailUrl(), video.durationSeconds()));
  }

  @Override
  public void failed(String videoId, String reason) {
    send(videoId, new RealtimeMessage.TranscodeFailed(videoId, reason));
  }

  private void send(String videoId, RealtimeMessage message) {
    List<String> subscribers = connections.subscribers(videoId);
    if (subscribers.isEmpty()) {
      return;
    }
    var json = Json.tree(message);
    var issues = contract.validate(SERVER_MESSAGE, json);
    if (!issues.isEmpty()) {
      // a message the SPA would reject is a bug here; say so instead of sending it
      throw new IllegalStateException("not a RealtimeServerMessage: " + issues);
    }
    SdkBytes data = SdkBytes.fromUtf8String(json.toString());
    for (String connectionId : subscribers) {
      try {
        management.postToConnection(r -> r.connectionId(connectionId).data(data));
      } catch (GoneException gone) {
        connections.forget(connectionId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not post to a connection of " + videoId, e);
      }
    }
  }
}
