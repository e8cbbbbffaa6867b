package dev.kinora.local.websocket.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.kinora.local.handlers.TestAwsClients;
import dev.kinora.shared.config.Config;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Publishes {@code message} to {@code connectionId} through the management endpoint the template
 * builds with {@code !Sub https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}}, as the
 * transcode side does; answers with the endpoint it used.
 */
public final class NotifyHandler implements RequestHandler<Map<String, String>, String> {
  private final ApiGatewayManagementApiClient connections;
  private final String endpoint;

  public NotifyHandler() {
    Config config = Config.fromEnvironment();
    this.endpoint = config.require("WEBSOCKET_ENDPOINT");
    this.connections =
        TestAwsClients.client(ApiGatewayManagementApiClient.builder(), config, endpoint);
  }

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    connections.postToConnection(
        r ->
            r.connectionId(input.get("connectionId"))
                .data(SdkBytes.fromUtf8String(input.get("message"))));
    return endpoint + " " + Config.fromEnvironment().require("WEBSOCKET_URL");
  }
}
