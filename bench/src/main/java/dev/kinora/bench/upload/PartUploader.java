package dev.kinora.bench.upload;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * PUTs the parts of a file to their presigned URLs the way the upload studio does: a fixed number
 * of parts in flight, each worker taking the next part when its previous one is stored, the part's
 * bytes read from the file as the browser slices a {@code Blob}, and a part counted only when the
 * storage answers 200 with an {@code ETag}.
 */
final class PartUploader {
  static final Duration PART_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http;
  private final int parallel;

  PartUploader(HttpClient http, int parallel) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1");
    }
    this.http = http;
    this.parallel = parallel;
  }

  /** How long one part took, from send to the storage's answer. */
  record PartTime(int partNumber, long bytes, long nanos) {}

  /**
   * Uploads every part of {@code file} ({@code fileSize} bytes, parts of {@code chunkSize} bytes,
   * the last one shorter) to its URL.
   *
   * @return each part's time, in part-number order
   * @throws IllegalStateException if a part is not stored (non-200 or no ETag)
   */
  List<PartTime> upload(
      Path file, long fileSize, long chunkSize, List<UploadApiClient.PartUrl> urls)
      throws Exception {
    var queue = new ConcurrentLinkedQueue<>(urls);
    List<PartTime> times = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ExecutorService workers = Executors.newFixedThreadPool(parallel)) {
      List<Future<List<PartTime>>> results = new ArrayList<>();
      for (int w = 0; w < parallel; w++) {
        results.add(
            workers.submit(
                () -> {
                  List<PartTime> own = new ArrayList<>();
                  // One buffer per worker, reused: a fresh multi-MiB array per part would be a
                  // humongous allocation each time and put the bench's GC into the measurement.
                  byte[] buffer = new byte[(int) Math.min(chunkSize, fileSize)];
                  UploadApiClient.PartUrl part;
                  while ((part = queue.poll()) != null) {
                    own.add(put(channel, fileSize, chunkSize, part, buffer));
                  }
                  return own;
                }));
      }
      for (Future<List<PartTime>> result : results) {
        times.addAll(result.get());
      }
    }
    times.sort((a, b) -> Integer.compare(a.partNumber(), b.partNumber()));
    return times;
  }

  private PartTime put(
      FileChannel channel,
      long fileSize,
      long chunkSize,
      UploadApiClient.PartUrl part,
      byte[] buffer)
      throws IOException, InterruptedException {
    long offset = (part.partNumber() - 1L) * chunkSize;
    int length = (int) Math.min(chunkSize, fileSize - offset);
    read(channel, offset, ByteBuffer.wrap(buffer, 0, length));
    long start = System.nanoTime();
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(part.url())
                .timeout(PART_TIMEOUT)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(buffer, 0, length))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    long nanos = System.nanoTime() - start;
    if (response.statusCode() != 200 || response.headers().firstValue("etag").isEmpty()) {
      throw new IllegalStateException(
          "part " + part.partNumber() + " answered " + response.statusCode() + " without ETag");
    }
    return new PartTime(part.partNumber(), length, nanos);
  }

  /** Fills {@code buffer} from {@code offset} of the file. */
  static void read(FileChannel channel, long offset, ByteBuffer buffer) throws IOException {
    long start = offset - buffer.position();
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, start + buffer.position()) < 0) {
        throw new IOException("the file ends before byte " + (start + buffer.limit()));
      }
    }
  }

  /** {@code length} bytes from {@code offset} of the file. */
  static byte[] read(FileChannel channel, long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    read(channel, offset, ByteBuffer.wrap(bytes));
    return bytes;
  }
}
