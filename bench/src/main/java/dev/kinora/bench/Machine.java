package dev.kinora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the machine was like during a run: a benchmark on a busy 2-core box measures the box as much
 * as the code, so every results file says how busy it was.
 */
public record Machine(
    int cores, String os, String java, List<Double> loadAverageAtStart, long memoryMiB) {

  public static Machine now() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        currentLoadAverage(),
        readMemoryMiB());
  }

  /** The 1, 5 and 15 minute load averages from /proc/loadavg (empty where there is none). */
  public static List<Double> currentLoadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      List<Double> load = new ArrayList<>();
      for (int i = 0; i < 3 && i < fields.length; i++) {
        load.add(Double.parseDouble(fields[i]));
      }
      return List.copyOf(load);
    } catch (IOException | NumberFormatException e) {
      return List.of();
    }
  }

  private static long readMemoryMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
