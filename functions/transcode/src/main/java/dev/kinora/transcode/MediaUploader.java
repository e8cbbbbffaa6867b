package dev.kinora.transcode;

import dev.kinora.shared.log.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Copies a transcode's output directory to {@code media/{videoId}/} in an order that never lets a
 * reader see a playlist pointing at something missing: each rung's segments before its playlist,
 * every rung before the images, and the master playlist last. Files within one step go up in
 * parallel.
 */
public final class MediaUploader {
  private static final System.Logger LOG = Log.logger(MediaUploader.class);

  private final ObjectStorage storage;
  private final MediaFiles mediaFiles;
  private final int concurrency;

  public MediaUploader(ObjectStorage storage, MediaFiles mediaFiles, int concurrency) {
    this.storage = storage;
    this.mediaFiles = mediaFiles;
    this.concurrency = concurrency;
  }

  /**
   * Uploads every file under {@code directory}, keyed by its path relative to it.
   *
   * @return the keys written, in the order their uploads completed step by step
   */
  public List<String> upload(Path directory, String bucket, String prefix) throws IOException {
    return upload(directory, bucket, prefix, Set.of());
  }

  /**
   * Like {@link #upload(Path, String, String)}, leaving out the rung folders named in {@code
   * published} (already uploaded by {@link #uploadRung}; their segments never change).
   */
  public List<String> upload(Path directory, String bucket, String prefix, Set<String> published)
      throws IOException {
    List<String> written = new ArrayList<>();
    List<Path> rungDirectories;
    List<Path> topLevel;
    try (Stream<Path> entries = Files.list(directory)) {
      List<Path> all = entries.sorted().toList();
      rungDirectories = all.stream().filter(Files::isDirectory).toList();
      topLevel = all.stream().filter(Files::isRegularFile).toList();
    }
    for (Path rung : rungDirectories) {
      if (published.contains(rung.getFileName().toString())) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(rung)) {
        files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
      }
      written.addAll(parallel(directory, bucket, prefix, notPlaylists(files)));
      written.addAll(parallel(directory, bucket, prefix, playlists(files)));
    }
    List<Path> images = notPlaylists(topLevel);
    written.addAll(parallel(directory, bucket, prefix, images));
    // Masters last: once one is readable, everything it names is.
    written.addAll(parallel(directory, bucket, prefix, playlists(topLevel)));
    return written;
  }

  /** One finished rung folder of {@code directory}: its segments, then its playlist. */
  public List<String> uploadRung(Path directory, Path rung, String bucket, String prefix)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(rung)) {
      files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
    }
    List<String> written =
        new ArrayList<>(parallel(directory, bucket, prefix, notPlaylists(files)));
    written.addAll(parallel(directory, bucket, prefix, playlists(files)));
    return written;
  }

  /** A master playlist listing only the rungs ready so far, which caches must not keep. */
  public void uploadPartialMaster(Path master, String bucket, String key) throws IOException {
    storage.upload(
        bucket,
        key,
        master,
        mediaFiles.contentType(name(master)).orElseThrow(),
        mediaFiles.partialMasterCacheControl());
  }

  private static List<Path> playlists(List<Path> files) {
    return files.stream().filter(f -> MediaFiles.isPlaylist(name(f))).toList();
  }

  private static List<Path> notPlaylists(List<Path> files) {
    return files.stream().filter(f -> !MediaFiles.isPlaylist(name(f))).toList();
  }

  private List<String> parallel(Path root, String bucket, String prefix, List<Path> files)
      throws IOException {
    List<String> written = new ArrayList<>();
    if (files.isEmpty()) {
      return written;
    }
    Semaphore slots = new Semaphore(concurrency);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> uploads = new ArrayList<>();
      for (Path file : files) {
        String key = prefix + root.relativize(file).toString().replace('\\', '/');
        var contentType = mediaFiles.contentType(name(file));
        if (contentType.isEmpty()) {
          LOG.log(Level.WARNING, "not publishing {0}: not a media file type we serve", key);
          continue;
        }
        uploads.add(
            executor.submit(
                () -> {
                  slots.acquire();
                  try {
                    storage.upload(
                        bucket, key, file, contentType.get(), mediaFiles.cacheControl(name(file)));
                    return key;
                  } finally {
                    slots.release();
                  }
                }));
      }
      for (Future<String> upload : uploads) {
        written.add(await(upload));
      }
    }
    return written;
  }

  private static String await(Future<String> upload) throws IOException {
    try {
      return upload.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while uploading media", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("media upload failed", cause);
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
