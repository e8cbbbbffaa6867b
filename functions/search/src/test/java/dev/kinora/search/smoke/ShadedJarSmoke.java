package dev.kinora.search.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.kinora.search.LuceneSearchIndex;
import dev.kinora.search.SearchApi;
import dev.kinora.search.SearchDocument;
import dev.kinora.search.SearchIndexer;
import dev.kinora.search.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run by the build against {@code target/search.jar} (plus this class and the Lambda runtime's
 * event deserializer): proves the shaded, minimized jar builds both handlers, answers a bad sort
 * from the contract alone without touching the network, and that Lucene's codecs (found through
 * SPI, which minimizeJar cannot see) survived: an index is written, snapshotted, reloaded and
 * searched. Arguments: the jar, and {@code events/search-bad-sort.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Config config =
        Config.of(
            Map.of(
                "SEARCH_INDEX_BUCKET", "search",
                "VIDEOS_TABLE", "videos",
                "ACCOUNTS_TABLE", "accounts",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "smoke",
                "AWS_SECRET_ACCESS_KEY", "smoke",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9"));
    Wiring wiring = Wiring.from(config);
    var api = SearchApi.using(wiring);
    SearchIndexer.using(wiring);
    APIGatewayV2HTTPEvent sample =
        LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, ShadedJarSmoke.class.getClassLoader())
            .fromJson(Files.readString(Path.of(args[1])));
    APIGatewayV2HTTPResponse response = api.handleRequest(sample, null);
    long firstResponse = System.nanoTime();
    var body = Json.mapper().readTree(response.getBody());
    var issues = Contract.load().validate("ErrorEnvelope", body);
    if (response.getStatusCode() != 400
        || !issues.isEmpty()
        || !"/sort".equals(body.at("/error/details/issues/0/path").asText())) {
      throw new IllegalStateException(
          "Expected 400 at /sort, got " + response.getStatusCode() + " " + body + issues);
    }
    var index = LuceneSearchIndex.empty(wiring.limits());
    index.upsert(
        List.of(
            new SearchDocument(
                "abcdefghijk",
                "Trending now",
                "",
                List.of("music"),
                List.of("Music"),
                60,
                Instant.parse("2026-11-25T12:00:00Z"),
                0)));
    var snapshot = new ByteArrayOutputStream();
    index.writeSnapshot(snapshot);
    var reloaded =
        LuceneSearchIndex.fromSnapshot(
            new ByteArrayInputStream(snapshot.toByteArray()), wiring.limits());
    if (!reloaded.suggest("trend", 10).equals(List.of("Trending now"))) {
      throw new IllegalStateException("the reloaded index does not find its document");
    }
    System.out.printf(
        "search.jar smoke test passed: %d bytes; handler construction to first response %d ms;"
            + " index snapshot %d bytes%n",
        Files.size(Path.of(args[0])), (firstResponse - start) / 1_000_000, snapshot.size());
  }
}
