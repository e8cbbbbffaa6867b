package dev.kinora.local.services;

import dev.kinora.dynamodb.DynamoDbLite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DynamoDB-compatible server plus the TTL sweeper. DynamoDB deletes expired items in the
 * background within a few days; locally a sweep every few seconds keeps tests fast and honest (an
 * expired item may still be read until the next sweep, as on AWS).
 */
public final class DynamoDbServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbServer.class);

  private final DynamoDbLite db;
  private final URI endpoint;
  private final ScheduledExecutorService sweeper;

  private DynamoDbServer(DynamoDbLite db, Duration sweepEvery) {
    this.db = db;
    this.endpoint = URI.create(String.valueOf(db.endpoint()));
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "dynamodb-ttl-sweeper");
              thread.setDaemon(true);
              return thread;
            });
    long period = Math.max(1, sweepEvery.toMillis());
    sweeper.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the server.
   *
   * @param dataDir where tables live; null keeps them in memory
   */
  public static DynamoDbServer start(int port, Path dataDir, Duration sweepEvery) throws Exception {
    if (dataDir != null) {
      Files.createDirectories(dataDir);
    }
    DynamoDbLite db = DynamoDbLite.start(new DynamoDbLite.Options(port, dataDir));
    return new DynamoDbServer(db, sweepEvery);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The server itself, for stream listeners (DynamoDB Streams event-source mappings). */
  public DynamoDbLite server() {
    return db;
  }

  /** Deletes every item whose TTL attribute lies before {@code now}. */
  public void sweepExpiredItems(Instant now) {
    db.sweepExpiredItems(now);
  }

  private void sweepQuietly() {
    try {
      db.sweepExpiredItems(Instant.now());
    } catch (RuntimeException e) {
      LOG.warn("TTL sweep failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    sweeper.shutdownNow();
    try {
      db.close();
    } catch (Exception e) { // whatever the server's close declares
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("stopping DynamoDB failed", e);
    }
  }
}
