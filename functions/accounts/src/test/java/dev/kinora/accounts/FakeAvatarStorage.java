package dev.kinora.accounts;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The media bucket's avatar objects in memory; a test "uploads" with {@link #store}. */
final class FakeAvatarStorage implements AvatarStorage {
  private final Map<String, StoredImage> objects = new HashMap<>();
  final List<String> presigned = new ArrayList<>();
  final List<String> deleted = new ArrayList<>();

  void store(String key, String contentType, long size) {
    objects.put(key, new StoredImage(contentType, size));
  }

  boolean holds(String key) {
    return objects.containsKey(key);
  }

  @Override
  public URI presignPut(String key, String contentType, long size, Duration validFor) {
    presigned.add(key);
    return URI.create("https://media.example/" + key + "?X-Amz-Expires=" + validFor.toSeconds());
  }

  @Override
  public Optional<StoredImage> head(String key) {
    return Optional.ofNullable(objects.get(key));
  }

  @Override
  public void delete(String key) {
    deleted.add(key);
    objects.remove(key);
  }
}
