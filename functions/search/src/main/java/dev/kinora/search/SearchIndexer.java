package dev.kinora.search;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;

/**
 * The indexer: the VideosTable stream's consumer (template.yaml {@code SearchIndexerFunction},
 * reserved concurrency 1 and one shard reader at a time, so it is the index's only writer). A batch
 * either publishes as one generation or fails whole and is retried by the stream.
 */
public final class SearchIndexer implements RequestHandler<DynamodbEvent, Void> {
  private final IndexerService indexer;

  public SearchIndexer() {
    this(Wiring.fromEnvironment().indexerService());
  }

  public static SearchIndexer using(Wiring wiring) {
    return new SearchIndexer(wiring.indexerService());
  }

  SearchIndexer(IndexerService indexer) {
    this.indexer = indexer;
  }

  @Override
  public Void handleRequest(DynamodbEvent event, Context context) {
    IndexerService.Outcome outcome = indexer.apply(StreamImages.changes(event));
    if (context != null && outcome.published().isPresent()) {
      IndexManifest manifest = outcome.published().get();
      context
          .getLogger()
          .log(
              "search index generation "
                  + manifest.generation()
                  + ": "
                  + outcome.upserted()
                  + " upserted, "
                  + outcome.deleted()
                  + " deleted, "
                  + manifest.documents()
                  + " documents, "
                  + manifest.sizeBytes()
                  + " bytes\n");
    }
    return null;
  }
}
