package dev.kinora.bench.transcode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds (user + system) used by this JVM's child processes that have ended and been reaped:
 * {@code cutime + cstime} of {@code /proc/self/stat}. Java reaps every child it starts, so the
 * difference across a run is exactly what its ffmpeg processes burnt — unlike wall time, barely
 * affected by how busy the machine is.
 */
final class ChildCpu {
  /** Kernel clock ticks per second (USER_HZ); 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private ChildCpu() {}

  /** The children's CPU seconds so far, or NaN where /proc is not available. */
  static double seconds() {
    try {
      return parse(Files.readString(Path.of("/proc/self/stat")));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Fields 16 and 17 (cutime, cstime), counted after the parenthesised command name. */
  static double parse(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is field 3 (state), so field n is fields[n - 3]
    long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    return ticks / TICKS_PER_SECOND;
  }
}
