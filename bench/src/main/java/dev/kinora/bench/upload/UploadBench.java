package dev.kinora.bench.upload;

import dev.kinora.bench.BenchArgs;
import dev.kinora.bench.BenchContext;
import dev.kinora.bench.BenchOption;
import dev.kinora.bench.Benchmark;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@code ./kinora bench upload}: how fast a large file reaches S3 through the real upload flow
 * compared with the plainest possible upload to the same server.
 *
 * <p>In each round, on a local cloud this process starts: (a) the flow the upload studio runs —
 * {@code initUpload}, {@code presignUploadParts} in batches, the parts PUT to their presigned URLs
 * {@code upload.parallelParts} at a time, {@code completeUpload} — and (b) one PUT of the same
 * bytes to a presigned PutObject URL of the same S3 server over the same HTTP client. It prints
 * both throughputs, their ratio (target ≥ 0.85) and the multipart flow's time per phase. A
 * discarded warm-up upload of two parts comes first (class loading and function INIT land there),
 * and the rounds alternate which upload goes first.
 */
public final class UploadBench implements Benchmark {

  static final int DEFAULT_SIZE_MIB = 512;
  static final int DEFAULT_ROUNDS = 3;
  static final String MIME_TYPE = "video/mp4";
  static final String MULTIPART = "multipart";
  static final String DIRECT = "direct";
  static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final long MIB = 1024L * 1024L;

  /** Held here so the level set on it is not lost when the logger is collected. */
  private static final Logger DYNAMODB_LITE_LOG = Logger.getLogger("dev.kinora.dynamodb");

  static {
    // Before the contract below loads: its JSON-schema library creates the first SLF4J logger,
    // and the simple logger reads its level only then.
    quietServiceLogs();
  }

  private final Limits limits = Contract.load().limits();

  @Override
  public String name() {
    return "upload";
  }

  @Override
  public String summary() {
    return "upload throughput: presigned multipart parts (the real flow) vs one direct PUT";
  }

  @Override
  public List<BenchOption> options() {
    return List.of(
        BenchOption.value("size-mib", "n", "file size in MiB (default " + DEFAULT_SIZE_MIB + ")"),
        BenchOption.value(
            "rounds",
            "n",
            "measured rounds of both uploads (default "
                + DEFAULT_ROUNDS
                + "; at most "
                + maxRounds()
                + ", the init rate limit)"),
        BenchOption.value(
            "parallel",
            "n",
            "parts in flight (default upload.parallelParts = "
                + limits.upload().parallelParts()
                + ")"),
        BenchOption.flag("in-memory", "keep S3 objects in memory instead of on disk"));
  }

  /** One init per round plus the warm-up's two tries must fit in one rate-limit window. */
  int maxRounds() {
    return limits.rateLimit("uploadInit").requests() - 2;
  }

  /** The parsed options of one run. */
  record Settings(long bytes, int rounds, int parallel, boolean inMemory) {}

  Settings settings(BenchArgs args) {
    int maxMib = (int) Math.min(Integer.MAX_VALUE, limits.upload().maxFileSizeBytes() / MIB);
    return new Settings(
        args.integer("size-mib", DEFAULT_SIZE_MIB, 1, maxMib) * MIB,
        args.integer("rounds", DEFAULT_ROUNDS, 1, maxRounds()),
        args.integer("parallel", limits.upload().parallelParts(), 1, 32),
        args.flag("in-memory"));
  }

  @Override
  public int run(BenchContext context) throws Exception {
    Settings settings = settings(context.args());
    PrintStream out = context.out();
    Instant startedAt = context.clock().instant();
    Machine machine = Machine.now();
    long started = System.nanoTime();
    Path work = context.workDir(name());
    long chunkSize = limits.upload().chunkSizeBytes();
    int parts = (int) limits.upload().partCount(settings.bytes());

    Path file = work.resolve("source.bin");
    out.printf(
        Locale.ROOT,
        "writing %d MiB of random bytes to %s%n",
        settings.bytes() / MIB,
        context.root().relativize(file));
    SourceFile.write(file, settings.bytes());
    List<UploadResults.Round> rounds = new ArrayList<>();
    UploadResults.LocalCloudInfo info;
    try {
      out.printf(
          Locale.ROOT,
          "starting the local cloud (log: %s)%n",
          context.root().relativize(work.resolve("local-cloud.log")));
      try (UploadCloud cloud = UploadCloud.start(context.root(), work, settings.inMemory());
          HttpClient http =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(5))
                  .build()) {
        info =
            new UploadResults.LocalCloudInfo(
                context.root().relativize(work.resolve("template.yaml")).toString(),
                cloud.functions(),
                cloud.startupMillis());
        out.printf(Locale.ROOT, "local cloud up in %d ms%n", cloud.startupMillis());
        Flows flows = new Flows(cloud, http, settings.parallel(), file);
        flows.api.signUp();
        out.print("warm-up (2 parts, not counted) ... ");
        out.flush();
        flows.warmUp(chunkSize + 1024);
        out.println("done");
        for (int round = 1; round <= settings.rounds(); round++) {
          boolean multipartFirst = round % 2 == 1;
          out.printf(
              Locale.ROOT,
              "round %d: %d MiB, %d parts, %s first ... ",
              round,
              settings.bytes() / MIB,
              parts,
              multipartFirst ? MULTIPART : DIRECT);
          out.flush();
          UploadResults.Multipart multipart = null;
          UploadResults.Direct direct = null;
          for (int leg = 0; leg < 2; leg++) {
            if ((leg == 0) == multipartFirst) {
              multipart = flows.multipart(settings.bytes(), "bench round " + round);
            } else {
              direct = flows.direct(settings.bytes());
            }
          }
          UploadResults.Round result =
              UploadResults.Round.of(round, multipartFirst ? MULTIPART : DIRECT, multipart, direct);
          out.printf(Locale.ROOT, "ratio %.2f%n", result.ratio());
          rounds.add(result);
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }

    UploadResults results =
        new UploadResults(
            name(),
            startedAt.toString(),
            Math.round((System.nanoTime() - started) / 1e8) / 10.0,
            machine,
            Machine.currentLoadAverage(),
            new UploadResults.Settings(
                settings.bytes(),
                chunkSize,
                parts,
                settings.parallel(),
                settings.rounds(),
                settings.inMemory() ? "S3Proxy, in memory" : "S3Proxy, filesystem (as ./kinora up)",
                "java.net.http.HttpClient, HTTP/1.1 keep-alive, one client for every request",
                "one PUT of the whole file (BodyPublishers.ofFile) to a presigned PutObject URL"),
            info,
            List.copyOf(rounds),
            UploadResults.Summary.of(rounds),
            UploadResults.notes(rounds));
    out.println();
    out.print(results.table());
    for (String note : results.notes()) {
      out.println("note: " + note);
    }
    Path resultsFile = ResultsFile.write(context.resultsDir(), name(), startedAt, results);
    out.printf(
        Locale.ROOT,
        "load average before %s, after %s; %.0f s in all; results: %s%n",
        machine.loadAverageAtStart(),
        results.loadAverageAfter(),
        results.durationSeconds(),
        context.root().relativize(resultsFile));
    return 0;
  }

  /** Both uploads against one cloud, with one signed-in API client. */
  private final class Flows {
    final UploadApiClient api;
    private final UploadCloud cloud;
    private final HttpClient http;
    private final PartUploader parts;
    private final Path file;

    Flows(UploadCloud cloud, HttpClient http, int parallel, Path file) {
      this.cloud = cloud;
      this.http = http;
      this.file = file;
      this.api = new UploadApiClient(http, path -> loopback(cloud.url(path)));
      this.parts = new PartUploader(http, parallel);
      loopback(cloud.s3Endpoint());
    }

    /**
     * A small upload both ways, not counted. Tried twice: the first init also pays the uploads
     * function's INIT, which can overrun its timeout on a busy machine (each try spends one init of
     * the rate limit, which {@link #maxRounds()} leaves room for).
     */
    void warmUp(long bytes) throws Exception {
      try {
        multipart(bytes, "bench warm-up");
      } catch (UploadApiClient.ServerError e) {
        multipart(bytes, "bench warm-up, again");
      }
      direct(bytes);
    }

    /** initUpload → presignUploadParts (batches) → parts → completeUpload, timed per phase. */
    UploadResults.Multipart multipart(long bytes, String title) throws Exception {
      long t0 = System.nanoTime();
      UploadApiClient.Session session = api.init("bench.mp4", bytes, MIME_TYPE);
      long t1 = System.nanoTime();
      List<UploadApiClient.PartUrl> urls = new ArrayList<>();
      List<Integer> all = IntStream.rangeClosed(1, session.totalChunks()).boxed().toList();
      int batch = limits.upload().maxPartsPerPresign();
      int calls = 0;
      for (int from = 0; from < all.size(); from += batch) {
        urls.addAll(
            api.presign(session.uploadId(), all.subList(from, Math.min(all.size(), from + batch))));
        calls++;
      }
      urls.forEach(url -> loopback(url.url()));
      long t2 = System.nanoTime();
      List<PartUploader.PartTime> times = parts.upload(file, bytes, session.chunkSize(), urls);
      long t3 = System.nanoTime();
      String status = api.complete(session.uploadId(), title);
      long t4 = System.nanoTime();
      if (!"processing".equals(status)) {
        throw new IllegalStateException("completeUpload left the video " + status);
      }
      String key = "raw/" + session.videoId() + "/source";
      requireStored(key, bytes);
      cloud.s3().deleteObject(r -> r.bucket(cloud.rawBucket()).key(key));
      return UploadResults.Multipart.of(bytes, t1 - t0, t2 - t1, calls, t3 - t2, t4 - t3, times);
    }

    /** One PUT of the first {@code bytes} bytes of the file to a presigned PutObject URL. */
    UploadResults.Direct direct(long bytes) throws Exception {
      // Outside raw/, so the object could never be mistaken for an upload to transcode.
      String key = "bench/direct-" + UUID.randomUUID();
      URI url =
          loopback(
              URI.create(
                  cloud
                      .s3Presigner()
                      .presignPutObject(
                          r ->
                              r.signatureDuration(limits.upload().presignedUrlTtl())
                                  .putObjectRequest(p -> p.bucket(cloud.rawBucket()).key(key)))
                      .url()
                      .toString()));
      HttpRequest.BodyPublisher body =
          bytes == Files.size(file)
              ? HttpRequest.BodyPublishers.ofFile(file)
              : HttpRequest.BodyPublishers.ofByteArray(head(bytes));
      long start = System.nanoTime();
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(url).timeout(PartUploader.PART_TIMEOUT).PUT(body).build(),
              HttpResponse.BodyHandlers.discarding());
      long nanos = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("direct PUT answered " + response.statusCode());
      }
      requireStored(key, bytes);
      cloud.s3().deleteObject(r -> r.bucket(cloud.rawBucket()).key(key));
      return UploadResults.Direct.of(bytes, nanos);
    }

    /** The first {@code bytes} bytes of the file (the warm-up's small upload). */
    private byte[] head(long bytes) throws IOException {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        return PartUploader.read(channel, 0, (int) bytes);
      }
    }

    private void requireStored(String key, long bytes) {
      HeadObjectResponse head = cloud.s3().headObject(r -> r.bucket(cloud.rawBucket()).key(key));
      if (head.contentLength() != bytes) {
        throw new IllegalStateException(
            key + " holds " + head.contentLength() + " bytes, not " + bytes);
      }
    }
  }

  /** Every request of the bench stays on this machine. */
  static URI loopback(URI uri) {
    String host = uri.getHost();
    if (!"127.0.0.1".equals(host) && !"localhost".equals(host) && !"[::1]".equals(host)) {
      throw new IllegalStateException("refusing to send bench traffic to " + uri);
    }
    return uri;
  }

  /** The embedded servers log start-up at INFO to stderr; the bench output is the table. */
  private static void quietServiceLogs() {
    if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
      System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
    }
    DYNAMODB_LITE_LOG.setLevel(Level.WARNING);
  }
}
