package dev.kinora.local.websocket.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.kinora.local.handlers.TestAwsClients;
import dev.kinora.shared.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes what a WebSocket event carried to the test table, so tests can see every invocation. */
final class EventLog {
  private final DynamoDbClient dynamoDb;
  private final String table;

  EventLog() {
    Config config = Config.fromEnvironment();
    this.table = config.require("EVENTS_TABLE");
    this.dynamoDb = TestAwsClients.dynamoDb(config);
  }

  void record(APIGatewayV2WebSocketEvent event) {
    APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("connectionId", AttributeValue.fromS(context.getConnectionId()));
    item.put("requestId", AttributeValue.fromS(context.getRequestId()));
    item.put("routeKey", AttributeValue.fromS(context.getRouteKey()));
    item.put("eventType", AttributeValue.fromS(context.getEventType()));
    item.put("stage", AttributeValue.fromS(context.getStage()));
    item.put("apiId", AttributeValue.fromS(context.getApiId()));
    item.put("connectedAt", AttributeValue.fromN(String.valueOf(context.getConnectedAt())));
    item.put("sourceIp", AttributeValue.fromS(context.getIdentity().getSourceIp()));
    header(event, "cookie").ifPresent(c -> item.put("cookie", AttributeValue.fromS(c)));
    Optional.ofNullable(event.getQueryStringParameters())
        .map(q -> q.get("videoId"))
        .ifPresent(v -> item.put("videoId", AttributeValue.fromS(v)));
    Optional.ofNullable(event.getBody()).ifPresent(b -> item.put("body", AttributeValue.fromS(b)));
    dynamoDb.putItem(r -> r.tableName(table).item(item));
  }

  static Optional<String> header(APIGatewayV2WebSocketEvent event, String name) {
    return Optional.ofNullable(event.getHeaders()).stream()
        .flatMap(h -> h.entrySet().stream())
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
