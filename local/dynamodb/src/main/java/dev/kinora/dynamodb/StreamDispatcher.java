package dev.kinora.dynamodb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers stream records to listeners on one thread, in publication order. Delivery is
 * asynchronous so a listener that writes to DynamoDB cannot deadlock against the writer that
 * produced its record.
 */
final class StreamDispatcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(StreamDispatcher.class.getName());
  private final List<StreamListener> listeners = new CopyOnWriteArrayList<>();
  private volatile ExecutorService delivery;

  void addListener(StreamListener listener) {
    synchronized (this) {
      if (delivery == null) {
        delivery =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "dynamodb-lite-streams");
                  t.setDaemon(true);
                  return t;
                });
      }
    }
    listeners.add(listener);
  }

  /** Called under the database write lock, so submission order is commit order. */
  void publish(StreamRecord record) {
    ExecutorService executor = delivery;
    if (executor == null || listeners.isEmpty()) {
      return;
    }
    executor.execute(
        () -> {
          for (StreamListener listener : listeners) {
            try {
              listener.onRecord(record);
            } catch (RuntimeException e) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Stream listener failed on " + record.eventName() + " of " + record.tableName(),
                  e);
            }
          }
        });
  }

  @Override
  public void close() {
    ExecutorService executor = delivery;
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
