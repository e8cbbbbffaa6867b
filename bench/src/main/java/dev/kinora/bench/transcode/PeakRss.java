package dev.kinora.bench.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest peak resident set ({@code VmHWM}) of any running ffmpeg child of this JVM since the
 * last {@link #reset()}, sampled every 50 ms from {@code /proc/<pid>/status}. VmHWM is the
 * process's own high-water mark, so a sample taken late in a run still sees the earlier peak; only
 * what happens in the last 50 ms of a process can be missed.
 */
final class PeakRss implements AutoCloseable {
  private final String ffmpegPath;
  private final AtomicLong peakKib = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  PeakRss(Path ffmpeg) {
    this.ffmpegPath = ffmpeg.toString();
    this.sampler = Thread.ofPlatform().daemon().name("peak-rss").start(this::sample);
  }

  void reset() {
    peakKib.set(0);
  }

  /** KiB; 0 where /proc is not available. */
  long peakKib() {
    return peakKib.get();
  }

  private void sample() {
    while (running) {
      ProcessHandle.current()
          .descendants()
          .filter(p -> p.info().command().map(ffmpegPath::equals).orElse(false))
          .forEach(p -> peakKib.accumulateAndGet(highWaterMarkKib(p.pid()), Math::max));
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long highWaterMarkKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0; // the process ended between listing and reading
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
