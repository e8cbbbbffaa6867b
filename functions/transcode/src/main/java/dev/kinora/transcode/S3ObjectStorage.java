package dev.kinora.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/** {@link ObjectStorage} over S3. */
public final class S3ObjectStorage implements ObjectStorage {
  private static final int BUFFER_BYTES = 1 << 16;

  private final S3Client s3;

  public S3ObjectStorage(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public void copy(
      String bucket, String fromKey, String toKey, String contentType, String cacheControl) {
    s3.copyObject(
        r ->
            r.sourceBucket(bucket)
                .sourceKey(fromKey)
                .destinationBucket(bucket)
                .destinationKey(toKey)
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType(contentType)
                .cacheControl(cacheControl));
  }

  @Override
  public long size(String bucket, String key) {
    return s3.headObject(r -> r.bucket(bucket).key(key)).contentLength();
  }

  @Override
  public void download(String bucket, String key, Path target, long maxBytes) throws IOException {
    try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(key));
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      long total = 0;
      for (int read; (read = in.read(buffer)) >= 0; ) {
        total += read;
        if (total > maxBytes) {
          // The object grew since we sized it (overwritten): never fill the disk past the budget.
          throw new IOException(key + " is larger than the " + maxBytes + " bytes budgeted");
        }
        out.write(buffer, 0, read);
      }
    }
  }

  @Override
  public void upload(
      String bucket, String key, Path file, String contentType, String cacheControl) {
    s3.putObject(
        r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
        RequestBody.fromFile(file));
  }

  @Override
  public void put(
      String bucket, String key, byte[] bytes, String contentType, String cacheControl) {
    s3.putObject(
        r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
        RequestBody.fromBytes(bytes));
  }

  @Override
  public byte[] get(String bucket, String key, int maxBytes) throws IOException {
    try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(key))) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new IOException(key + " is larger than the " + maxBytes + " bytes expected");
      }
      return bytes;
    }
  }
}
