package dev.kinora.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kinora.shared.json.Json;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@link IndexGenerations} in the private SearchIndexBucket: {@code index/manifest.json} and {@code
 * index/generations/<generation, 20 digits>.zip}. The indexer may put and delete under {@code
 * index/}; the search function may only get (template.yaml).
 */
public final class S3IndexGenerations implements IndexGenerations {
  static final String MANIFEST_KEY = "index/manifest.json";

  private final S3Client s3;
  private final String bucket;
  private final Clock clock;

  public S3IndexGenerations(S3Client s3, String bucket, Clock clock) {
    this.s3 = s3;
    this.bucket = bucket;
    this.clock = clock;
  }

  static String generationKey(long generation) {
    return String.format(Locale.ROOT, "index/generations/%020d.zip", generation);
  }

  @Override
  public Optional<IndexManifest> manifest() {
    try {
      byte[] bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(MANIFEST_KEY)).asByteArray();
      return Optional.of(Json.mapper().readValue(bytes, IndexManifest.class));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("unreadable search index manifest", e);
    }
  }

  @Override
  public InputStream open(IndexManifest manifest) {
    return s3.getObject(r -> r.bucket(bucket).key(manifest.key()));
  }

  @Override
  public IndexManifest publish(long generation, byte[] snapshot, int documents) {
    String key = generationKey(generation);
    s3.putObject(
        r -> r.bucket(bucket).key(key).contentType("application/zip"),
        RequestBody.fromBytes(snapshot));
    var manifest = new IndexManifest(generation, key, documents, snapshot.length, clock.instant());
    try {
      s3.putObject(
          r ->
              r.bucket(bucket)
                  .key(MANIFEST_KEY)
                  .contentType("application/json")
                  // Readers poll it: no cache may keep an old manifest.
                  .cacheControl("no-cache"),
          RequestBody.fromString(Json.mapper().writeValueAsString(manifest)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return manifest;
  }

  @Override
  public void discard(long generation) {
    s3.deleteObject(r -> r.bucket(bucket).key(generationKey(generation)));
  }
}
