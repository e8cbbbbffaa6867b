package dev.kinora.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JSON file per table ({@code <table>.table.json}: definition plus items in DynamoDB JSON),
 * replaced atomically so a crash leaves either the old or the new snapshot, never half of one.
 */
final class Snapshots {
  private static final String SUFFIX = ".table.json";
  private final Path dir;

  Snapshots(Path dir) {
    this.dir = dir;
  }

  /** A table's state copied under the lock; serialising it needs no lock. */
  record Snapshot(String name, ObjectNode definition, List<Map<String, AttrValue>> items) {}

  List<Table> load() {
    List<Table> tables = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
        for (Path file : files) {
          JsonNode root = Json.MAPPER.readTree(file.toFile());
          Table table = Table.fromDefinition(root.path("Definition"));
          for (JsonNode item : root.path("Items")) {
            table.put(AttrValue.itemFromJson(item, "Item"));
          }
          tables.add(table);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load DynamoDB snapshots from " + dir, e);
    }
    return tables;
  }

  void write(Snapshot snapshot) {
    ObjectNode root = Json.object();
    root.put("FormatVersion", 1);
    root.set("Definition", snapshot.definition());
    ArrayNode items = root.putArray("Items");
    snapshot.items().forEach(item -> items.add(AttrValue.itemToJson(item)));
    Path target = dir.resolve(snapshot.name() + SUFFIX);
    Path temp = dir.resolve(snapshot.name() + SUFFIX + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.write(temp, Json.bytes(root));
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write snapshot " + target, e);
    }
  }

  void delete(String name) {
    try {
      Files.deleteIfExists(dir.resolve(name + SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete snapshot of " + name, e);
    }
  }
}
