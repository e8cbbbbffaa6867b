package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

/**
 * A DynamoDB-compatible server speaking the AWS JSON 1.0 protocol on 127.0.0.1, for running the
 * Kinora stack locally. Point an AWS SDK client at {@link #endpoint()} with any credentials.
 */
public final class DynamoDbLite implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DynamoDbLite.class.getName());
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final long SNAPSHOT_INTERVAL_MILLIS = 1000;

  /**
   * @param port the port to bind on 127.0.0.1; 0 picks any free port
   * @param dataDir where table snapshots live; null keeps everything in memory
   */
  public record Options(int port, Path dataDir) {}

  private final HttpServer server;
  private final ExecutorService requestThreads;
  private final Database db;
  private final StreamDispatcher streams;
  private final Snapshots snapshots;
  private final ScheduledExecutorService snapshotTimer;
  private final URI endpoint;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object snapshotLock = new Object();

  private DynamoDbLite(Options options) throws IOException {
    this.streams = new StreamDispatcher();
    this.db = new Database(streams, Clock.systemUTC());
    if (options.dataDir() != null) {
      this.snapshots = new Snapshots(options.dataDir());
      for (Table table : snapshots.load()) {
        db.addTable(table);
      }
      db.drainDirty();
      this.snapshotTimer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "dynamodb-lite-snapshots");
                t.setDaemon(true);
                return t;
              });
      snapshotTimer.scheduleWithFixedDelay(
          this::persistChangesQuietly,
          SNAPSHOT_INTERVAL_MILLIS,
          SNAPSHOT_INTERVAL_MILLIS,
          TimeUnit.MILLISECONDS);
    } else {
      this.snapshots = null;
      this.snapshotTimer = null;
    }
    this.requestThreads = Executors.newVirtualThreadPerTaskExecutor();
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    server.createContext("/", this::exchange);
    server.setExecutor(requestThreads);
    server.start();
    this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Starts a server; it is ready for requests when this returns. */
  public static DynamoDbLite start(Options options) {
    long started = System.nanoTime();
    try {
      DynamoDbLite lite = new DynamoDbLite(options);
      LOG.log(
          System.Logger.Level.INFO,
          "kinora-dynamodb-lite listening on {0} ({1}) in {2} ms",
          lite.endpoint,
          options.dataDir() == null ? "in memory" : "data in " + options.dataDir(),
          (System.nanoTime() - started) / 1_000_000);
      return lite;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start kinora-dynamodb-lite", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * Deletes every item of a TTL-enabled table whose TTL attribute is a number of epoch seconds at
   * or before {@code now}, emitting REMOVE stream records marked as removed by TTL.
   *
   * @return how many items were deleted
   */
  public int sweepExpiredItems(Instant now) {
    return db.sweepExpired(now);
  }

  public void addStreamListener(StreamListener listener) {
    streams.addListener(listener);
  }

  /** Stops serving, writes the final snapshot (when persistent) and delivers pending records. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    requestThreads.shutdown();
    if (snapshotTimer != null) {
      snapshotTimer.shutdown();
      try {
        snapshotTimer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      persistChanges();
    }
    streams.close();
  }

  // ---------------------------------------------------------------- persistence

  private void persistChangesQuietly() {
    try {
      persistChanges();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Snapshot failed; will retry", e);
    }
  }

  private void persistChanges() {
    synchronized (snapshotLock) {
      writeSnapshots();
    }
  }

  private void writeSnapshots() {
    List<Snapshots.Snapshot> changed = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    db.withReadLock(
        () -> {
          for (String name : db.drainDirty()) {
            Table table = db.findTable(name);
            if (table == null) {
              deleted.add(name);
            } else {
              changed.add(new Snapshots.Snapshot(name, table.definitionJson(), table.items()));
            }
          }
          return null;
        });
    List<String> failed = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (String name : deleted) {
      try {
        snapshots.delete(name);
      } catch (RuntimeException e) {
        failed.add(name);
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    for (Snapshots.Snapshot snapshot : changed) {
      try {
        snapshots.write(snapshot);
      } catch (RuntimeException e) {
        failed.add(snapshot.name());
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    if (firstFailure != null) {
      // Keep them dirty so the next round retries instead of silently losing the change.
      failed.forEach(db::markDirty);
      throw firstFailure;
    }
  }

  // ---------------------------------------------------------------- HTTP

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      if (!exchange.getRequestMethod().equals("POST")) {
        // What the real endpoint answers to a plain GET; handy as a health check.
        send(
            exchange, 200, "text/plain", "healthy: dynamodb-lite".getBytes(StandardCharsets.UTF_8));
        return;
      }
      int status;
      JsonNode response;
      try {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
          throw ApiException.unknownOperation(String.valueOf(target));
        }
        response = db.handle(target.substring(TARGET_PREFIX.length()), Json.read(request));
        status = 200;
      } catch (ApiException e) {
        status = e.status();
        response = e.body();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "Internal error answering a DynamoDB request", e);
        ApiException internal = ApiException.internal("Internal server error: " + e);
        status = internal.status();
        response = internal.body();
      }
      send(exchange, status, CONTENT_TYPE, Json.bytes(response));
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    // The SDK verifies x-amz-crc32 when present, so it is always the CRC of these exact bytes.
    CRC32 crc = new CRC32();
    crc.update(body);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
