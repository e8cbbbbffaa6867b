package dev.kinora.engagement;

import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.realtime.ConnectionStore;
import dev.kinora.shared.realtime.RealtimeMessage;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * {@code notification.new} to every open connection of the user (ConnectionsTable index ByUser)
 * through API Gateway's {@code @connections} API. A gone connection (410) is forgotten; any other
 * failure is logged and never fails the fan-out (the notification is stored either way).
 */
public final class WebSocketNotificationPusher implements NotificationPusher {
  private static final System.Logger LOG =
      System.getLogger(WebSocketNotificationPusher.class.getName());

  private final ConnectionStore connections;
  private final ApiGatewayManagementApiClient management;
  private final Contract contract;

  public WebSocketNotificationPusher(
      ConnectionStore connections, ApiGatewayManagementApiClient management, Contract contract) {
    this.connections = connections;
    this.management = management;
    this.contract = contract;
  }

  @Override
  public void push(String userId, Supplier<RealtimeMessage> message) {
    try {
      List<String> open = connections.connectionsOf(userId);
      if (open.isEmpty()) {
        return;
      }
      var json = Json.tree(message.get());
      var issues = contract.validate("RealtimeServerMessage", json);
      if (!issues.isEmpty()) {
        throw new IllegalStateException("not a RealtimeServerMessage: " + issues);
      }
      SdkBytes data = SdkBytes.fromUtf8String(json.toString());
      for (String connectionId : open) {
        try {
          management.postToConnection(r -> r.connectionId(connectionId).data(data));
        } catch (GoneException gone) {
          connections.forget(connectionId);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "could not post a notification to a connection", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not push a notification", e);
    }
  }
}
