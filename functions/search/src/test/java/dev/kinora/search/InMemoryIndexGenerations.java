package dev.kinora.search;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link IndexGenerations} in memory, counting publishes. */
final class InMemoryIndexGenerations implements IndexGenerations {
  final Map<Long, byte[]> generations = new TreeMap<>();
  private IndexManifest manifest;

  @Override
  public synchronized Optional<IndexManifest> manifest() {
    return Optional.ofNullable(manifest);
  }

  @Override
  public synchronized InputStream open(IndexManifest manifest) {
    return new ByteArrayInputStream(generations.get(manifest.generation()));
  }

  @Override
  public synchronized IndexManifest publish(long generation, byte[] snapshot, int documents) {
    generations.put(generation, snapshot);
    manifest =
        new IndexManifest(generation, "g" + generation, documents, snapshot.length, Instant.EPOCH);
    return manifest;
  }

  @Override
  public synchronized void discard(long generation) {
    generations.remove(generation);
  }
}
