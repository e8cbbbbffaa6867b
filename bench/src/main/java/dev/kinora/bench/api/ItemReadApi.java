package dev.kinora.bench.api;

import static dev.kinora.shared.http.Route.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The bench's DynamoDB-backed read route, {@code GET /api/bench/items/{id}}: one GetItem by the
 * path id, answered in the contract's {@code {"data": …}} envelope through the same {@link Routes}
 * as the real functions. The client is built once per container, as STYLE.md asks.
 */
public final class ItemReadApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String PATH = "/api/bench/items/{id}";

  static final Routes<ItemReadApi> ROUTES = Routes.of(get(PATH, ItemReadApi::read));

  private final DynamoDbClient dynamoDb;
  private final String table;

  /** The constructor the Lambda runtime (and the local cloud) calls. */
  public ItemReadApi() {
    this(Config.fromEnvironment());
  }

  private ItemReadApi(Config config) {
    this(ItemsTable.client(config), config.require("ITEMS_TABLE"));
  }

  ItemReadApi(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  /** What a seeded item looks like to the client. */
  public record Item(String id, String title, long views, String description) {}

  private APIGatewayV2HTTPResponse read(ApiRequest request) {
    String id = request.pathParam("id");
    Map<String, AttributeValue> item = dynamoDb.getItem(ItemsTable.getItem(table, id)).item();
    if (item == null || item.isEmpty()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "No item " + id);
    }
    return ApiResponses.ok(
        new Item(
            item.get(ItemsTable.KEY).s(),
            item.get("title").s(),
            Long.parseLong(item.get("views").n()),
            item.get("description").s()));
  }
}
