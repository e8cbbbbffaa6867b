package dev.kinora.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractTest {
  private static final Contract CONTRACT = Contract.load();

  @Test
  void loadsQuicklyEnoughForAColdStart() {
    long start = System.nanoTime();
    Contract fresh = Contract.loadWithLimitOverrides(Map.of());
    long loaded = System.nanoTime();
    fresh.validate("UploadInitRequest", Json.mapper().createObjectNode());
    long validated = System.nanoTime();
    // Printed rather than asserted: the absolute number depends on the machine; watch the trend.
    System.out.printf(
        "Contract load: %d ms, first validation (compiles UploadInitRequest): %d ms%n",
        (loaded - start) / 1_000_000, (validated - loaded) / 1_000_000);
    assertThat(fresh.schemaNames()).contains("UploadInitRequest");
  }

  @Test
  void changingALimitChangesTheVerdictOfAVector() throws IOException {
    var vectors = ContractVectorsTest.VectorFiles.read("video-metadata.json");
    JsonNode hundredCharacterTitle = vectors.named("title of 100 characters").payload();
    assertThat(CONTRACT.validate("VideoMetadata", hundredCharacterTitle)).isEmpty();

    Contract shorterTitles = Contract.loadWithLimitOverrides(Map.of("video.title.max", 20));

    assertThat(shorterTitles.validate("VideoMetadata", hundredCharacterTitle))
        .containsExactly(new ValidationIssue("/title", "must be at most 20 characters"));
    assertThat(shorterTitles.limits().video().title().max()).isEqualTo(20);
  }

  @Test
  void changingAllowedMimeTypesChangesWhatUploadsAccept() {
    JsonNode ogg = Json.tree(Map.of("filename", "a.ogv", "fileSize", 10, "mimeType", "video/ogg"));
    assertThat(CONTRACT.validate("UploadInitRequest", ogg)).isNotEmpty();

    Contract withOgg =
        Contract.loadWithLimitOverrides(
            Map.of("upload.allowedMimeTypes", List.of("video/mp4", "video/ogg")));

    assertThat(withOgg.validate("UploadInitRequest", ogg)).isEmpty();
  }

  @Test
  void overridingALimitThatDoesNotExistFails() {
    assertThatThrownBy(() -> Contract.loadWithLimitOverrides(Map.of("video.title.maximum", 5)))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("video.title.maximum");
  }

  @Test
  void schemasCarryNoLiteralLimitNumbers() throws IOException {
    JsonNode openApi;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("kinora/contract/openapi.yaml")) {
      openApi = new YAMLMapper().readTree(in);
    }
    var literals = new ArrayList<String>();
    collectLiteralLimits(openApi, "", literals);
    assertThat(literals).as("numeric keywords written in openapi.yaml").isEmpty();
  }

  @Test
  void requestSchemasRejectUnknownProperties() {
    for (String name :
        List.of(
            "VideoMetadata",
            "UploadInitRequest",
            "UploadPartUrlsRequest",
            "CommentCreateRequest",
            "SignupRequest",
            "LoginRequest",
            "ChannelUpdateRequest",
            "AvatarUploadRequest",
            "WatchProgressUpdate")) {
      assertThat(CONTRACT.schema(name).path("additionalProperties").asBoolean(true))
          .as(name + ".additionalProperties")
          .isFalse();
    }
  }

  @Test
  void bindingsAreReplacedByTheNumbersOfLimitsJson() {
    JsonNode title = CONTRACT.schema("VideoTitle");
    assertThat(title.path("maxLength").asInt()).isEqualTo(100);
    assertThat(title.path("minLength").asInt()).isEqualTo(1);
    assertThat(title.has("x-kinora-limits")).isFalse();
    assertThat(CONTRACT.schema("UploadMimeType").path("enum")).hasSize(5);
  }

  @Test
  void aBindingToAMissingLimitFailsLoading() {
    JsonNode schema = Json.tree(Map.of("x-kinora-limits", Map.of("maxLength", "video.nope")));
    JsonNode limits = Json.tree(Map.of("video", Map.of("title", 1)));

    assertThatThrownBy(() -> LimitBindings.resolveInPlace(schema, limits))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("video.nope");
  }

  @Test
  void aBindingOfAListToANumericKeywordFailsLoading() {
    JsonNode schema =
        Json.tree(Map.of("x-kinora-limits", Map.of("maxLength", "upload.allowedMimeTypes")));
    JsonNode limits = Json.tree(Map.of("upload", Map.of("allowedMimeTypes", List.of("a"))));

    assertThatThrownBy(() -> LimitBindings.resolveInPlace(schema, limits))
        .isInstanceOf(ContractException.class)
        .hasMessageContaining("not a number");
  }

  @Test
  void clientLimitsAreTheNumbersOfLimitsJsonAndMatchTheirSchema() {
    JsonNode clientLimits = CONTRACT.clientLimits();

    assertThat(CONTRACT.validate("ClientLimits", clientLimits)).isEmpty();
    assertThat(clientLimits.at("/video/title/max").asInt()).isEqualTo(100);
    assertThat(clientLimits.at("/upload/chunkSizeBytes").asLong()).isEqualTo(5_242_880L);
    assertThat(clientLimits.at("/upload/maxFileSizeBytes").asLong()).isEqualTo(5_368_709_120L);
    assertThat(clientLimits.has("rateLimits")).as("rate limits stay server-side").isFalse();
  }

  @Test
  void issuesAreShortSentencesAtJsonPointers() {
    JsonNode metadata =
        Json.tree(
            Map.of(
                "title",
                5,
                "tags",
                List.of("", "t".repeat(51)),
                "visibility",
                "secret",
                "extra",
                true));

    assertThat(CONTRACT.validate("VideoMetadata", metadata))
        .containsExactlyInAnyOrder(
            new ValidationIssue("/title", "must be a string"),
            new ValidationIssue("/tags/0", "must not be empty"),
            new ValidationIssue("/tags/1", "must be at most 50 characters"),
            new ValidationIssue("/visibility", "must be one of: public, unlisted, private"),
            new ValidationIssue("/extra", "is not allowed"));
    assertThat(CONTRACT.validate("VideoMetadata", Json.tree(Map.of("visibility", "public"))))
        .containsExactly(new ValidationIssue("/title", "is required"));
    assertThat(CONTRACT.validate("UploadInitRequest", Json.tree(Map.of("fileSize", 0))))
        .contains(new ValidationIssue("/fileSize", "must be at least 1"));
  }

  @Test
  void responseTimestampsMustBeRfc3339() {
    JsonNode health =
        Json.tree(Map.of("status", "ok", "service", "kinora", "version", "1", "time", "yesterday"));

    assertThat(CONTRACT.validate("HealthStatus", health))
        .extracting(ValidationIssue::path)
        .containsExactly("/time");
  }

  @Test
  void publicOperationsAreListed() {
    assertThat(CONTRACT.operations()).contains("GET /api/v1/health", "GET /api/v1/config");
  }

  @Test
  void operationsMarkedPublicNeedNoSessionAndTheOthersDo() {
    assertThat(CONTRACT.publicOperations())
        .contains("GET /api/v1/health", "POST /api/v1/auth/login")
        .doesNotContain("GET /api/v1/auth/me", "PATCH /api/v1/channels/me");
    assertThat(CONTRACT.operations()).containsAll(CONTRACT.publicOperations());
  }

  @Test
  void validatingAgainstAnUnknownSchemaIsAnError() {
    assertThatThrownBy(() -> CONTRACT.validate("Nope", Json.mapper().createObjectNode()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nope");
  }

  private static void collectLiteralLimits(JsonNode node, String pointer, List<String> into) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                String child = pointer + "/" + entry.getKey();
                if (LimitBindings.NUMERIC_KEYWORDS.contains(entry.getKey())
                    && entry.getValue().isNumber()) {
                  into.add(child + " = " + entry.getValue());
                } else {
                  collectLiteralLimits(entry.getValue(), child, into);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectLiteralLimits(node.get(i), pointer + "/" + i, into);
      }
    }
  }
}
