package dev.kinora.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class ItemReadApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Map<String, AttributeValue>> table = new HashMap<>();
  private final ItemReadApi api = new ItemReadApi(new InMemoryTable(table), "items");

  @Test
  void aSeededItemIsAnsweredInTheDataEnvelope() throws Exception {
    table.put(ItemsTable.id(42), ItemsTable.item(42));

    APIGatewayV2HTTPResponse response =
        api.handleRequest(get("/api/bench/items/item-000042"), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode data = JSON.readTree(response.getBody()).get("data");
    assertThat(data.get("id").asText()).isEqualTo("item-000042");
    assertThat(data.get("title").asText()).isEqualTo("Bench video 42");
    assertThat(data.get("views").asLong()).isEqualTo(294);
    assertThat(data.get("description").asText()).hasSizeGreaterThan(150);
  }

  @Test
  void anUnknownIdIsNotFoundSoTheBenchCountsItAsAnError() throws Exception {
    APIGatewayV2HTTPResponse response = api.handleRequest(get("/api/bench/items/nope"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.getBody()).at("/error/code").asText()).isEqualTo("NOT_FOUND");
  }

  private static APIGatewayV2HTTPEvent get(String path) {
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath(path)
        .withRouteKey("GET " + ItemReadApi.PATH)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("req-1")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod("GET")
                        .withPath(path)
                        .build())
                .build())
        .build();
  }

  /** GetItem over a map, keyed by the {@code id} attribute. */
  private record InMemoryTable(Map<String, Map<String, AttributeValue>> items)
      implements DynamoDbClient {
    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      Map<String, AttributeValue> item = items.get(request.key().get(ItemsTable.KEY).s());
      return item == null
          ? GetItemResponse.builder().build()
          : GetItemResponse.builder().item(item).build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
