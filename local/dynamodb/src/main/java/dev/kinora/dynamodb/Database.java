package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * All tables and the one lock that guards them. A single read-write lock keeps transactions that
 * span tables trivially atomic; reads share it, writes take it alone. JSON parsing and the HTTP
 * exchange happen outside it.
 */
final class Database {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final TreeMap<String, Table> tables = new TreeMap<>();
  private final Set<String> dirtyTables = ConcurrentHashMap.newKeySet();
  private final StreamDispatcher streams;
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
  private final Clock clock;
  private final Map<String, Operation> operations;

  private record Operation(boolean readOnly, Function<JsonNode, ObjectNode> handler) {}

  Database(StreamDispatcher streams, Clock clock) {
    this.streams = streams;
    this.clock = clock;
    ControlPlane control = new ControlPlane(this);
    ItemOperations items = new ItemOperations(this);
    Reads reads = new Reads(this);
    Transactions transactions = new Transactions(this);
    this.operations =
        Map.ofEntries(
            Map.entry("CreateTable", new Operation(false, control::createTable)),
            Map.entry("DescribeTable", new Operation(true, control::describeTable)),
            Map.entry("ListTables", new Operation(true, control::listTables)),
            Map.entry("DeleteTable", new Operation(false, control::deleteTable)),
            Map.entry("UpdateTable", new Operation(false, control::updateTable)),
            Map.entry("UpdateTimeToLive", new Operation(false, control::updateTimeToLive)),
            Map.entry("DescribeTimeToLive", new Operation(true, control::describeTimeToLive)),
            Map.entry("DescribeEndpoints", new Operation(true, control::describeEndpoints)),
            Map.entry("PutItem", new Operation(false, items::putItem)),
            Map.entry("GetItem", new Operation(true, items::getItem)),
            Map.entry("DeleteItem", new Operation(false, items::deleteItem)),
            Map.entry("UpdateItem", new Operation(false, items::updateItem)),
            Map.entry("BatchGetItem", new Operation(true, items::batchGetItem)),
            Map.entry("BatchWriteItem", new Operation(false, items::batchWriteItem)),
            Map.entry("Query", new Operation(true, reads::query)),
            Map.entry("Scan", new Operation(true, reads::scan)),
            Map.entry("TransactWriteItems", new Operation(false, transactions::write)),
            Map.entry("TransactGetItems", new Operation(true, transactions::get)));
  }

  ObjectNode handle(String operation, JsonNode request) {
    Operation op = operations.get(operation);
    if (op == null) {
      throw ApiException.unknownOperation(operation);
    }
    return op.readOnly()
        ? withReadLock(() -> op.handler().apply(request))
        : withWriteLock(() -> op.handler().apply(request));
  }

  <T> T withReadLock(Supplier<T> action) {
    return locked(lock.readLock(), action);
  }

  <T> T withWriteLock(Supplier<T> action) {
    return locked(lock.writeLock(), action);
  }

  private static <T> T locked(Lock l, Supplier<T> action) {
    l.lock();
    try {
      return action.get();
    } finally {
      l.unlock();
    }
  }

  Instant now() {
    return clock.instant();
  }

  // ---------------------------------------------------------------- tables (call under the lock)

  Table table(String name) {
    if (name == null) {
      throw ApiException.validation(
          "1 validation error detected: Value null at 'tableName' failed to satisfy constraint:"
              + " Member must not be null");
    }
    Table table = tables.get(name);
    if (table == null) {
      throw ApiException.resourceNotFound("Requested resource not found");
    }
    return table;
  }

  Table findTable(String name) {
    return tables.get(name);
  }

  TreeMap<String, Table> tables() {
    return tables;
  }

  void addTable(Table table) {
    tables.put(table.name, table);
    dirtyTables.add(table.name);
  }

  void removeTable(String name) {
    tables.remove(name);
    dirtyTables.add(name);
  }

  void markDirty(Table table) {
    dirtyTables.add(table.name);
  }

  void markDirty(String tableName) {
    dirtyTables.add(tableName);
  }

  /** Names changed since the last snapshot; the caller persists (or deletes) each. */
  List<String> drainDirty() {
    List<String> names = List.copyOf(dirtyTables);
    dirtyTables.removeAll(names);
    return names;
  }

  // ---------------------------------------------------------------- writes and their stream
  // records

  /** Stores a new version of an item (null deletes) and emits its stream record. */
  void write(Table table, Map<String, AttrValue> oldItem, Map<String, AttrValue> newItem) {
    write(table, oldItem, newItem, false);
  }

  void write(
      Table table, Map<String, AttrValue> oldItem, Map<String, AttrValue> newItem, boolean byTtl) {
    if (newItem == null) {
      if (oldItem == null) {
        return;
      }
      table.delete(table.keyOf(oldItem));
    } else {
      table.put(newItem);
    }
    markDirty(table);
    // DynamoDB writes no stream record for a write that changes nothing.
    if (!table.streamEnabled || Objects.equals(oldItem, newItem)) {
      return;
    }
    String event = oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
    String view = table.streamViewType;
    boolean withOld = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
    boolean withNew = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
    streams.publish(
        new StreamRecord(
            table.name,
            event,
            UUID.randomUUID().toString(),
            sequence.incrementAndGet(),
            now(),
            Json.write(AttrValue.itemToJson(table.keyOf(newItem != null ? newItem : oldItem))),
            withOld && oldItem != null ? Json.write(AttrValue.itemToJson(oldItem)) : null,
            withNew && newItem != null ? Json.write(AttrValue.itemToJson(newItem)) : null,
            view,
            byTtl));
  }

  /** Deletes every item whose TTL attribute is a number of epoch seconds at or before now. */
  int sweepExpired(Instant now) {
    return withWriteLock(
        () -> {
          int removed = 0;
          for (Table table : tables.values()) {
            if (!table.ttlEnabled || table.ttlAttribute == null) {
              continue;
            }
            for (Map<String, AttrValue> item : table.items()) {
              if (item.get(table.ttlAttribute) instanceof AttrValue.N expiry
                  && expiry.value().compareTo(BigDecimal.valueOf(now.getEpochSecond())) <= 0) {
                write(table, item, null, true);
                removed++;
              }
            }
          }
          return removed;
        });
  }
}
