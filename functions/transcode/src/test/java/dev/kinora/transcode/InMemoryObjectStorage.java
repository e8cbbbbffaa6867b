package dev.kinora.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Buckets in memory; remembers every upload with its headers, in order. */
final class InMemoryObjectStorage implements ObjectStorage {
  record Stored(String key, byte[] bytes, String contentType, String cacheControl) {}

  private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  final List<Stored> uploads = new CopyOnWriteArrayList<>();

  InMemoryObjectStorage with(String bucket, String key, byte[] bytes) {
    objects.put(bucket + "/" + key, bytes);
    return this;
  }

  @Override
  public long size(String bucket, String key) {
    byte[] bytes = objects.get(bucket + "/" + key);
    if (bytes == null) {
      throw new IllegalStateException("no object " + key);
    }
    return bytes.length;
  }

  @Override
  public void download(String bucket, String key, Path target, long maxBytes) throws IOException {
    if (size(bucket, key) > maxBytes) {
      throw new IOException("too large");
    }
    Files.write(target, objects.get(bucket + "/" + key));
  }

  @Override
  public void upload(String bucket, String key, Path file, String contentType, String cacheControl)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    objects.put(bucket + "/" + key, bytes);
    uploads.add(new Stored(key, bytes, contentType, cacheControl));
  }

  @Override
  public void put(
      String bucket, String key, byte[] bytes, String contentType, String cacheControl) {
    objects.put(bucket + "/" + key, bytes.clone());
    uploads.add(new Stored(key, bytes.clone(), contentType, cacheControl));
  }

  @Override
  public void copy(
      String bucket, String fromKey, String toKey, String contentType, String cacheControl)
      throws IOException {
    byte[] bytes = objects.get(bucket + "/" + fromKey);
    if (bytes == null) {
      throw new IOException("no object " + fromKey);
    }
    objects.put(bucket + "/" + toKey, bytes.clone());
    uploads.add(new Stored(toKey, bytes.clone(), contentType, cacheControl));
  }

  @Override
  public byte[] get(String bucket, String key, int maxBytes) throws IOException {
    byte[] bytes = objects.get(bucket + "/" + key);
    if (bytes == null) {
      throw new IOException("no object " + key);
    }
    if (bytes.length > maxBytes) {
      throw new IOException("too large");
    }
    return bytes.clone();
  }

  boolean has(String bucket, String key) {
    return objects.containsKey(bucket + "/" + key);
  }

  List<String> uploadedKeys() {
    return uploads.stream().map(Stored::key).toList();
  }
}
