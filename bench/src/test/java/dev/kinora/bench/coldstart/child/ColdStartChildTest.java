package dev.kinora.bench.coldstart.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartChildTest {

  @Test
  void readsAnApiGatewayEventWithNestingEscapesNumbersAndLiterals() {
    Map<String, Object> event =
        ColdStartChild.parse(
            """
            {"version": "2.0", "rawPath": "/api/v1/health",
             "headers": {"x-quote": "say \\"hi\\"\\n", "x-unicode": "caf\\u00e9"},
             "cookies": ["a=1", "b=2"], "body": null, "isBase64Encoded": false,
             "requestContext": {"timeEpoch": 1795608000000, "weight": -1.5e2,
                                "http": {"method": "GET"}}, "empty": {}, "none": []}
            """);

    assertThat(event.get("rawPath")).isEqualTo("/api/v1/health");
    assertThat(event.get("headers"))
        .isEqualTo(Map.of("x-quote", "say \"hi\"\n", "x-unicode", "café"));
    assertThat(event.get("cookies")).isEqualTo(List.of("a=1", "b=2"));
    assertThat(event).containsEntry("body", null).containsEntry("isBase64Encoded", false);
    assertThat(event.get("requestContext"))
        .isEqualTo(
            Map.of("timeEpoch", 1795608000000L, "weight", -150.0, "http", Map.of("method", "GET")));
    assertThat(event.get("empty")).isEqualTo(Map.of());
    assertThat(event.get("none")).isEqualTo(List.of());
  }

  @Test
  void somethingOtherThanAnObjectIsRefused() {
    assertThatThrownBy(() -> ColdStartChild.parse("[1, 2]"))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> ColdStartChild.parse("{\"a\" 1}"))
        .hasMessageContaining("expected ':'");
  }
}
