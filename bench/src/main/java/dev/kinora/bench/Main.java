package dev.kinora.bench;

import dev.kinora.bench.api.ApiBench;
import dev.kinora.bench.coldstart.ColdStartBench;
import dev.kinora.bench.search.SearchBench;
import dev.kinora.bench.soak.SoakBench;
import dev.kinora.bench.transcode.TranscodeBench;
import dev.kinora.bench.upload.UploadBench;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kinora bench <name> [options] --root <repo>}: looks the benchmark up, parses its options
 * and runs it. Exit codes: 0 done, 1 the benchmark failed (or measured errors), 64 bad usage.
 */
public final class Main {

  public static final int EXIT_USAGE = 64;

  static final List<Benchmark> BENCHMARKS =
      List.of(
          new ColdStartBench(),
          new ApiBench(),
          new UploadBench(),
          new TranscodeBench(),
          new SearchBench(),
          new SoakBench());

  static final BenchOption ROOT =
      BenchOption.value("root", "dir", "repository root (./kinora passes it)");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err, BENCHMARKS));
  }

  static int run(List<String> args, PrintStream out, PrintStream err, List<Benchmark> benchmarks) {
    Map<String, Benchmark> byName = new LinkedHashMap<>();
    for (Benchmark benchmark : benchmarks) {
      byName.put(benchmark.name(), benchmark);
    }
    if (args.isEmpty() || args.get(0).startsWith("--") || args.get(0).equals("help")) {
      out.print(help(benchmarks));
      return args.isEmpty() || args.get(0).startsWith("--") ? EXIT_USAGE : 0;
    }
    Benchmark benchmark = byName.get(args.get(0));
    if (benchmark == null) {
      err.println("kinora bench: unknown benchmark '" + args.get(0) + "'");
      err.print(help(benchmarks));
      return EXIT_USAGE;
    }
    List<BenchOption> accepted = new ArrayList<>(benchmark.options());
    accepted.add(ROOT);
    BenchArgs parsed;
    try {
      parsed = BenchArgs.parse(args.subList(1, args.size()), accepted);
    } catch (IllegalArgumentException e) {
      err.println("kinora bench " + benchmark.name() + ": " + e.getMessage());
      return EXIT_USAGE;
    }
    Path root = Path.of(parsed.string("root", ".")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("pom.xml"))) {
      err.println("kinora bench: " + root + " is not the repository root (no pom.xml)");
      return EXIT_USAGE;
    }
    try {
      return benchmark.run(new BenchContext(root, parsed, out, Clock.systemUTC()));
    } catch (IllegalArgumentException e) {
      err.println("kinora bench " + benchmark.name() + ": " + e.getMessage());
      return EXIT_USAGE;
    } catch (Exception e) {
      err.println("kinora bench " + benchmark.name() + " failed: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  static String help(List<Benchmark> benchmarks) {
    StringBuilder text = new StringBuilder("usage: ./kinora bench <name> [options]\n\n");
    for (Benchmark benchmark : benchmarks) {
      text.append(String.format("  %-10s %s%n", benchmark.name(), benchmark.summary()));
      for (BenchOption option : benchmark.options()) {
        text.append(String.format("      %-26s %s%n", option.usage(), option.help()));
      }
    }
    text.append(
        "\nResults are printed as a table and written to bench/results/<name>-<time>.json.\n");
    return text.toString();
  }
}
