package dev.kinora.bench.search;

import dev.kinora.bench.BenchContext;
import dev.kinora.bench.BenchOption;
import dev.kinora.bench.Benchmark;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import dev.kinora.bench.Table;
import dev.kinora.local.services.DynamoDbServer;
import dev.kinora.local.services.FreePort;
import dev.kinora.search.LuceneSearchIndex;
import dev.kinora.search.SearchDocument;
import dev.kinora.search.SearchLimits;
import dev.kinora.search.SearchQuery;
import dev.kinora.shared.contract.Contract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./kinora bench search}: the Lucene index the search function uses against the naive
 * alternative, a DynamoDB Scan with a filter expression over the same videos in the embedded
 * DynamoDB, in one run. Prints build time, index size, load time (what a search container's first
 * request pays) and per-query p50/p99 for both, and how many queries found something (the Scan has
 * no typo tolerance and no ranking: it sorts what matched by views).
 */
public final class SearchBench implements Benchmark {
  static final int DEFAULT_VIDEOS = 20_000;
  static final int DEFAULT_QUERIES = 1_000;

  /** Untimed queries first: the JIT compiles the search path before it is measured. */
  static final int WARM_UP_QUERIES = 200;

  private final Contract contract = Contract.load();
  private final SearchLimits limits = SearchLimits.from(contract);

  @Override
  public String name() {
    return "search";
  }

  @Override
  public String summary() {
    return "search: Lucene index build/size/load and query p50/p99 vs a DynamoDB Scan+filter baseline";
  }

  @Override
  public List<BenchOption> options() {
    return List.of(
        BenchOption.value("videos", "n", "generated videos (default " + DEFAULT_VIDEOS + ")"),
        BenchOption.value(
            "queries", "n", "measured Lucene queries (default " + DEFAULT_QUERIES + ")"),
        BenchOption.value(
            "scan-queries",
            "n",
            "measured Scan queries (default: as many as --queries; each reads the whole table)"));
  }

  /** What one run measured (the JSON under bench/results/). */
  record Results(
      String benchmark,
      String startedAt,
      Machine machine,
      int videos,
      int pageSize,
      Lucene lucene,
      Scan scan,
      double p50Ratio,
      double p99Ratio) {}

  record Lucene(
      double buildMs,
      double snapshotMs,
      long indexBytes,
      double loadMs,
      int queries,
      double p50Ms,
      double p99Ms,
      int queriesWithHits,
      int typoQueries,
      int typoQueriesWithHits) {}

  record Scan(
      double loadTableMs,
      int queries,
      double p50Ms,
      double p99Ms,
      int queriesWithHits,
      int typoQueries,
      int typoQueriesWithHits,
      double itemsReadPerQuery) {}

  @Override
  public int run(BenchContext context) throws Exception {
    int videoCount = context.args().integer("videos", DEFAULT_VIDEOS, 1, 1_000_000);
    int queryCount = context.args().integer("queries", DEFAULT_QUERIES, 1, 100_000);
    int scanCount = context.args().integer("scan-queries", queryCount, 1, 100_000);
    int pageSize = contract.limits().pagination().defaultPageSize();
    PrintStream out = context.out();
    Instant startedAt = context.clock().instant();
    Machine machine = Machine.now();
    Instant now = Instant.now();

    var catalogue = new Catalogue();
    List<SearchDocument> videos = catalogue.videos(videoCount, now);
    List<Catalogue.Query> queries =
        catalogue.queries(WARM_UP_QUERIES + Math.max(queryCount, scanCount));
    out.printf(Locale.ROOT, "generated %d videos and %d queries%n", videoCount, queries.size());

    long t0 = System.nanoTime();
    LuceneSearchIndex built = LuceneSearchIndex.empty(limits);
    built.upsert(videos);
    long t1 = System.nanoTime();
    var snapshot = new ByteArrayOutputStream();
    built.writeSnapshot(snapshot);
    long t2 = System.nanoTime();
    LuceneSearchIndex index =
        LuceneSearchIndex.fromSnapshot(new ByteArrayInputStream(snapshot.toByteArray()), limits);
    long t3 = System.nanoTime();
    built.close();
    out.printf(
        Locale.ROOT,
        "Lucene: built in %.0f ms, snapshot %.1f MB in %.0f ms, loaded in %.0f ms%n",
        ms(t1 - t0),
        snapshot.size() / 1e6,
        ms(t2 - t1),
        ms(t3 - t2));

    for (int i = 0; i < WARM_UP_QUERIES; i++) {
      index.search(luceneQuery(queries.get(i), now, pageSize));
    }
    double[] luceneMs = new double[queryCount];
    int luceneHits = 0;
    int typos = 0;
    int typoHits = 0;
    for (int i = 0; i < queryCount; i++) {
      Catalogue.Query query = queries.get(WARM_UP_QUERIES + i);
      long start = System.nanoTime();
      int hits = index.search(luceneQuery(query, now, pageSize)).ids().size();
      luceneMs[i] = ms(System.nanoTime() - start);
      luceneHits += hits > 0 ? 1 : 0;
      typos += query.typo() ? 1 : 0;
      typoHits += query.typo() && hits > 0 ? 1 : 0;
    }
    var lucene =
        new Lucene(
            ms(t1 - t0),
            ms(t2 - t1),
            snapshot.size(),
            ms(t3 - t2),
            queryCount,
            percentile(luceneMs, 50),
            percentile(luceneMs, 99),
            luceneHits,
            typos,
            typoHits);

    Path work = context.workDir(name());
    out.printf(Locale.ROOT, "starting the embedded DynamoDB (in memory)%n");
    Scan scan;
    try (DynamoDbServer dynamo = DynamoDbServer.start(FreePort.pick(0), null, Duration.ofHours(1));
        ScanBaseline baseline = new ScanBaseline(dynamo.endpoint(), limits)) {
      long l0 = System.nanoTime();
      baseline.load(videos);
      double loadMs = ms(System.nanoTime() - l0);
      out.printf(Locale.ROOT, "DynamoDB: %d items written in %.0f ms%n", videoCount, loadMs);
      int warmUp = Math.min(WARM_UP_QUERIES, 20);
      for (int i = 0; i < warmUp; i++) {
        baseline.search(queries.get(i), now, pageSize);
      }
      double[] scanMs = new double[scanCount];
      int scanHits = 0;
      int scanTypos = 0;
      int scanTypoHits = 0;
      long itemsRead = 0;
      for (int i = 0; i < scanCount; i++) {
        Catalogue.Query query = queries.get(WARM_UP_QUERIES + i);
        long start = System.nanoTime();
        ScanBaseline.Answer answer = baseline.search(query, now, pageSize);
        scanMs[i] = ms(System.nanoTime() - start);
        itemsRead += answer.itemsRead();
        scanHits += answer.ids().isEmpty() ? 0 : 1;
        scanTypos += query.typo() ? 1 : 0;
        scanTypoHits += query.typo() && !answer.ids().isEmpty() ? 1 : 0;
        if ((i + 1) % 100 == 0) {
          out.printf(Locale.ROOT, "  scan queries: %d/%d%n", i + 1, scanCount);
        }
      }
      scan =
          new Scan(
              loadMs,
              scanCount,
              percentile(scanMs, 50),
              percentile(scanMs, 99),
              scanHits,
              scanTypos,
              scanTypoHits,
              (double) itemsRead / scanCount);
    }

    var results =
        new Results(
            name(),
            startedAt.toString(),
            machine,
            videoCount,
            pageSize,
            lucene,
            scan,
            scan.p50Ms() / lucene.p50Ms(),
            scan.p99Ms() / lucene.p99Ms());
    out.println();
    out.print(table(results));
    Path file = ResultsFile.write(context.resultsDir(), name(), startedAt, results);
    out.printf(Locale.ROOT, "%nresults: %s (work: %s)%n", context.root().relativize(file), work);
    return 0;
  }

  static String table(Results r) {
    var table =
        new Table(List.of("", "Lucene index (search function)", "DynamoDB Scan + filter", "ratio"));
    table.row(List.of("videos", Integer.toString(r.videos()), Integer.toString(r.videos()), ""));
    table.row(
        List.of(
            "build",
            fmt(r.lucene().buildMs()) + " ms (+ " + fmt(r.lucene().snapshotMs()) + " ms zip)",
            fmt(r.scan().loadTableMs()) + " ms (BatchWriteItem)",
            ""));
    table.row(
        List.of(
            "size / load",
            String.format(
                Locale.ROOT,
                "%.1f MB / %s ms",
                r.lucene().indexBytes() / 1e6,
                fmt(r.lucene().loadMs())),
            "the table itself",
            ""));
    table.row(
        List.of(
            "query p50",
            String.format(Locale.ROOT, "%.2f ms", r.lucene().p50Ms()),
            String.format(Locale.ROOT, "%.1f ms", r.scan().p50Ms()),
            String.format(Locale.ROOT, "%.0f×", r.p50Ratio())));
    table.row(
        List.of(
            "query p99",
            String.format(Locale.ROOT, "%.2f ms", r.lucene().p99Ms()),
            String.format(Locale.ROOT, "%.1f ms", r.scan().p99Ms()),
            String.format(Locale.ROOT, "%.0f×", r.p99Ratio())));
    table.row(
        List.of(
            "queries with results",
            r.lucene().queriesWithHits() + "/" + r.lucene().queries(),
            r.scan().queriesWithHits() + "/" + r.scan().queries(),
            ""));
    table.row(
        List.of(
            "typo queries with results",
            r.lucene().typoQueriesWithHits() + "/" + r.lucene().typoQueries(),
            r.scan().typoQueriesWithHits() + "/" + r.scan().typoQueries(),
            ""));
    table.row(
        List.of(
            "items read per query",
            "—",
            String.format(Locale.ROOT, "%.0f", r.scan().itemsReadPerQuery()),
            ""));
    return table.render();
  }

  private static SearchQuery luceneQuery(Catalogue.Query query, Instant now, int pageSize) {
    return new SearchQuery(
        query.text(),
        query.uploadDate(),
        query.duration(),
        query.category(),
        query.sort(),
        now,
        null,
        pageSize);
  }

  private static String fmt(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static double percentile(double[] samples, int percentile) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
  }
}
