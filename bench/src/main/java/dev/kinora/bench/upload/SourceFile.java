package dev.kinora.bench.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The file the bench uploads: pseudo-random bytes from a fixed seed, so nothing along the way can
 * compress it and every run sends the same bytes.
 */
final class SourceFile {
  static final long SEED = 20_261_125L;
  private static final int BLOCK = 8 * 1024 * 1024;

  private SourceFile() {}

  /** Writes {@code size} bytes to {@code file}, replacing it. */
  static Path write(Path file, long size) throws IOException {
    Files.createDirectories(file.getParent());
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] block = new byte[BLOCK];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += BLOCK) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(BLOCK, size - written));
      }
    }
    return file;
  }
}
