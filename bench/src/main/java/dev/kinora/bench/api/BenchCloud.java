package dev.kinora.bench.api;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.FunctionCode;
import dev.kinora.shared.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The local cloud the api bench measures, started in memory in this JVM from {@code
 * api-bench/template.yaml}: the platform function from its real jar, {@code ItemsTable} seeded with
 * items, and {@link ItemReadApi} behind {@code GET /api/bench/items/{id}}. Functions load in the
 * local cloud's JARS mode, each from its {@code CodeUri} in its own class loader, as {@code
 * ./kinora up} runs them.
 */
final class BenchCloud implements AutoCloseable {

  static final String TEMPLATE_RESOURCE = "/api-bench/template.yaml";
  static final String ITEM_READ_FUNCTION = "ItemReadFunction";
  static final String ITEMS_TABLE = "ItemsTable";
  static final String HEALTH_PATH = "/api/v1/health";
  static final String ITEMS_PATH = "/api/bench/items/";
  private static final int BATCH = 25;
  private static final int BATCH_ATTEMPTS = 10;

  private final LocalCloud cloud;
  private final PrintStream logs;
  private final Path template;

  private BenchCloud(LocalCloud cloud, PrintStream logs, Path template) {
    this.cloud = cloud;
    this.logs = logs;
    this.template = template;
  }

  /**
   * Writes the template and the bench function's code under {@code workDir}, starts the cloud (its
   * log goes to {@code workDir/local-cloud.log}) and seeds {@code items} items.
   */
  static BenchCloud start(Path platformJar, Path workDir, int items) throws Exception {
    if (!Files.isRegularFile(platformJar)) {
      throw new IllegalStateException(
          "the platform function is not built: no "
              + platformJar
              + " (./kinora bench api builds it; or ./mvnw package -DskipTests)");
    }
    Files.createDirectories(workDir);
    // a copy, so that a rebuild elsewhere during the run cannot change the jar under the function
    Path platformCopy =
        Files.copy(
            platformJar, workDir.resolve("platform.jar"), StandardCopyOption.REPLACE_EXISTING);
    Path code = ItemReadCode.write(workDir.resolve("item-read-function"));
    Path template = workDir.resolve("template.yaml");
    Files.writeString(template, template(platformCopy, code));
    PrintStream logs =
        new PrintStream(
            Files.newOutputStream(workDir.resolve("local-cloud.log")),
            true,
            StandardCharsets.UTF_8);
    LocalCloud cloud;
    try {
      cloud =
          LocalCloud.builder()
              .root(workDir)
              .template(template)
              .inMemory()
              .functionCode(FunctionCode.JARS)
              // the bench template declares no queues, schedules, streams or WebSocket APIs
              .withoutDefaultEventSources()
              .logs(logs)
              .start();
    } catch (Exception | LinkageError e) {
      logs.close();
      throw e;
    }
    BenchCloud bench = new BenchCloud(cloud, logs, template);
    try {
      bench.seed(items);
    } catch (RuntimeException e) {
      bench.close();
      throw e;
    }
    return bench;
  }

  /** The bench template with both {@code CodeUri}s made absolute. */
  static String template(Path platformJar, Path itemReadCode) throws IOException {
    String text;
    try (InputStream in = BenchCloud.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE_RESOURCE + " is missing from the bench jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return text.replace("@PLATFORM_JAR@", yamlQuoted(platformJar))
        .replace("@ITEM_READ_CODE@", yamlQuoted(itemReadCode));
  }

  /** The path for the inside of a double-quoted YAML scalar. */
  private static String yamlQuoted(Path path) {
    return path.toAbsolutePath().normalize().toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private void seed(int count) {
    DynamoDbClient dynamoDb = cloud.dynamoDb();
    String table = table();
    for (int first = 0; first < count; first += BATCH) {
      List<WriteRequest> writes = new ArrayList<>();
      for (int n = first; n < Math.min(count, first + BATCH); n++) {
        writes.add(
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(ItemsTable.item(n)).build())
                .build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(table, writes);
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        if (attempt == BATCH_ATTEMPTS) {
          throw new IllegalStateException("seeding " + table + ": writes still unprocessed");
        }
        Map<String, List<WriteRequest>> batch = pending;
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(batch));
        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      }
    }
    for (int n : new int[] {0, count - 1}) {
      if (!holds(ItemsTable.id(n))) {
        throw new IllegalStateException(
            "seeded " + count + " items but " + ItemsTable.id(n) + " is missing");
      }
    }
  }

  /** The physical name of {@code ItemsTable}. */
  String table() {
    return cloud.physicalName(ITEMS_TABLE);
  }

  URI url(String path) {
    return cloud.url(path);
  }

  URI dynamoDbEndpoint() {
    return cloud.dynamoDbEndpoint();
  }

  /**
   * The environment {@code ItemReadFunction} sees, for a client configured exactly like its own.
   */
  Config itemReadEnvironment() {
    return Config.of(cloud.environment(ITEM_READ_FUNCTION));
  }

  /** {@code GET /api/v1/health → PlatformFunction}, … */
  List<String> routes() {
    return cloud.routes().stream().map(r -> r.routeKey() + " → " + r.functionId()).toList();
  }

  long startupMillis() {
    return cloud.startupMillis();
  }

  Path template() {
    return template;
  }

  private boolean holds(String id) {
    Map<String, AttributeValue> item =
        cloud.dynamoDb().getItem(ItemsTable.getItem(table(), id)).item();
    return item != null && !item.isEmpty();
  }

  @Override
  public void close() {
    try {
      cloud.close();
    } finally {
      logs.close();
    }
  }
}
