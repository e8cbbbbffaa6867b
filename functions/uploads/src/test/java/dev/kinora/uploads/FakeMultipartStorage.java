package dev.kinora.uploads;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Multipart uploads in memory; tests put parts directly and can make a completion crash. */
final class FakeMultipartStorage implements MultipartStorage {
  record Started(String key, String contentType, String filename) {}

  private final Map<String, Started> started = new HashMap<>();
  private final Map<String, TreeMap<Integer, StoredPart>> parts = new HashMap<>();
  private final Map<String, Long> objects = new HashMap<>();
  final List<Duration> presignedFor = new ArrayList<>();
  final List<String> aborted = new ArrayList<>();
  private int next;
  private boolean crashAfterNextComplete;

  @Override
  public synchronized String start(String key, String contentType, String filename) {
    String id = "mp-" + ++next;
    started.put(id, new Started(key, contentType, filename));
    parts.put(id, new TreeMap<>());
    return id;
  }

  synchronized int startedCount() {
    return started.size();
  }

  Started started(String multipartUploadId) {
    return started.get(multipartUploadId);
  }

  @Override
  public URI presignPart(String key, String multipartUploadId, int partNumber, Duration validFor) {
    presignedFor.add(validFor);
    return URI.create(
        "https://raw.example/"
            + key
            + "?uploadId="
            + multipartUploadId
            + "&partNumber="
            + partNumber
            + "&X-Amz-Expires="
            + validFor.toSeconds());
  }

  synchronized void putPart(String multipartUploadId, int partNumber, long size) {
    parts
        .get(multipartUploadId)
        .put(partNumber, new StoredPart(partNumber, size, "\"etag-" + partNumber + "\""));
  }

  @Override
  public synchronized Optional<List<StoredPart>> listParts(String key, String multipartUploadId) {
    TreeMap<Integer, StoredPart> stored = parts.get(multipartUploadId);
    return stored == null ? Optional.empty() : Optional.of(List.copyOf(stored.values()));
  }

  /** The next complete assembles the object and then fails, as if the function died. */
  void crashAfterNextComplete() {
    crashAfterNextComplete = true;
  }

  @Override
  public synchronized boolean complete(
      String key, String multipartUploadId, List<StoredPart> completed) {
    if (parts.remove(multipartUploadId) == null) {
      return false;
    }
    objects.put(
        key,
        completed.stream()
            .sorted(Comparator.comparingInt(StoredPart::partNumber))
            .mapToLong(StoredPart::size)
            .sum());
    if (crashAfterNextComplete) {
      crashAfterNextComplete = false;
      throw new IllegalStateException("the function died here");
    }
    return true;
  }

  @Override
  public synchronized void abort(String key, String multipartUploadId) {
    if (parts.remove(multipartUploadId) != null) {
      aborted.add(multipartUploadId);
    }
  }

  boolean exists(String multipartUploadId) {
    return parts.containsKey(multipartUploadId);
  }

  @Override
  public synchronized OptionalLong objectSize(String key) {
    Long size = objects.get(key);
    return size == null ? OptionalLong.empty() : OptionalLong.of(size);
  }
}
