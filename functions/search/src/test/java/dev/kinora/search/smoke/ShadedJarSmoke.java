package dev.kinora.search.smoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.kinora.local.testing.JarSmoke;
import dev.kinora.search.LuceneSearchIndex;
import dev.kinora.search.SearchApi;
import dev.kinora.search.SearchDocument;
import dev.kinora.search.SearchIndexer;
import dev.kinora.search.Wiring;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run by the build against {@code target/search.jar} (plus this class, {@link JarSmoke} and the
 * Lambda runtime's event deserializer): proves the shaded, minimized jar builds both handlers,
 * answers a bad sort from the contract alone without touching the network, and that Lucene's codecs
 * (found through SPI, which minimizeJar cannot see) survived: an index is written, snapshotted,
 * reloaded and searched. Arguments: the jar, and {@code events/search-bad-sort.json}.
 */
public final class ShadedJarSmoke {
  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    var smoke = JarSmoke.start(args, (schema, body) -> Contract.load().validate(schema, body));
    Config config =
        Config.of(
            JarSmoke.offline(
                Map.of(
                    "SEARCH_INDEX_BUCKET", "search",
                    "VIDEOS_TABLE", "videos",
                    "ACCOUNTS_TABLE", "accounts",
                    "AWS_ENDPOINT_URL_S3", JarSmoke.CLOSED_PORT)));
    Wiring wiring = Wiring.from(config);
    var api = SearchApi.using(wiring);
    SearchIndexer.using(wiring);
    var response =
        smoke.firstResponse(
            api.handleRequest(smoke.sampleEvent(APIGatewayV2HTTPEvent.class), null));
    smoke.expectIssueAt(response, "/sort");
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
    smoke.passed("index snapshot " + snapshot.size() + " bytes");
  }
}
