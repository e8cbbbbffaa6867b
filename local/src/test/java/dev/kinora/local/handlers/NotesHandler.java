package dev.kinora.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.kinora.shared.config.Config;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores and reads a note in the template's table, with a client built once from Config. */
public final class NotesHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public NotesHandler() {
    Config config = Config.fromEnvironment();
    this.table = config.require("TABLE_NAME");
    this.dynamoDb = TestAwsClients.dynamoDb(config);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String id = event.getPathParameters().get("id");
    String method = event.getRequestContext().getHttp().getMethod();
    context.getLogger().log(method + " note " + id);
    if ("PUT".equals(method)) {
      String owner =
          Optional.ofNullable(event.getQueryStringParameters())
              .map(q -> q.get("owner"))
              .orElse("someone");
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          "pk", AttributeValue.fromS(id),
                          "owner", AttributeValue.fromS(owner),
                          "createdAt",
                              AttributeValue.fromN(String.valueOf(System.currentTimeMillis())),
                          "text", AttributeValue.fromS(event.getBody()))));
      return response(201, "{\"id\":\"" + id + "\"}");
    }
    var item =
        dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(id))));
    if (!item.hasItem()) {
      return response(
          404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no note " + id + "\"}}");
    }
    return response(200, item.item().get("text").s());
  }

  private static APIGatewayV2HTTPResponse response(int status, String body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("content-type", "application/json"))
        .withBody(body)
        .build();
  }
}
