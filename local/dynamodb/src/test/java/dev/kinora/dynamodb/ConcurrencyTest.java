package dev.kinora.dynamodb;

import static dev.kinora.dynamodb.LocalDynamo.item;
import static dev.kinora.dynamodb.LocalDynamo.n;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class ConcurrencyTest {
  private static final int THREADS = 20;
  private static LocalDynamo dynamo;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.inMemory();
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void concurrentAtomicAddsNeverLoseAnIncrement() throws Exception {
    String table = dynamo.table("id", null, null);
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  dynamo.client.updateItem(
                      r ->
                          r.tableName(table)
                              .key(item("id", "counter"))
                              .updateExpression("ADD hits :one")
                              .expressionAttributeValues(Map.of(":one", n(1))));
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    var counter = dynamo.client.getItem(r -> r.tableName(table).key(item("id", "counter"))).item();
    assertThat(counter.get("hits")).isEqualTo(n(THREADS * perThread));
  }

  @Test
  void racingConditionalPutsHaveExactlyOneWinner() throws Exception {
    String table = dynamo.table("id", null, null);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int contender = t;
      outcomes.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  dynamo.client.putItem(
                      r ->
                          r.tableName(table)
                              .item(item("id", "claim", "owner", "user-" + contender))
                              .conditionExpression("attribute_not_exists(id)"));
                  return true;
                } catch (ConditionalCheckFailedException lost) {
                  return false;
                }
              }));
    }
    go.countDown();
    int winners = 0;
    for (Future<Boolean> f : outcomes) {
      winners += f.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(winners).isEqualTo(1);
  }
}
