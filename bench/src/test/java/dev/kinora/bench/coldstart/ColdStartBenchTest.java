package dev.kinora.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.bench.BenchArgs;
import dev.kinora.bench.coldstart.child.ColdStartChild;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

class ColdStartBenchTest {

  private static final Path ROOT = Path.of("/repo");

  @Test
  void defaultsMeasureEveryVariantSevenTimesAgainstThePlatformJar() {
    ColdStartBench.Settings settings = settings();

    assertThat(settings.runs()).isEqualTo(7);
    assertThat(settings.variants()).containsExactly(Variant.values());
    assertThat(settings.build()).isTrue();
    assertThat(settings.plain().jar())
        .isEqualTo(ROOT.resolve("functions/platform/target/platform.jar"));
    assertThat(settings.plain().handler()).isEqualTo("dev.kinora.platform.PlatformApi");
    assertThat(settings.spring().handler())
        .isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker");
    assertThat(settings.event()).isNull();
  }

  @Test
  void variantsCanBeNarrowedAndBuildingSkipped() {
    ColdStartBench.Settings settings =
        settings("--variants", "spring,plain,spring", "--no-build", "--runs", "5");

    assertThat(settings.variants()).containsExactly(Variant.SPRING, Variant.PLAIN);
    assertThat(settings.build()).isFalse();
    assertThat(settings.runs()).isEqualTo(5);
    assertThat(settings.wantsSpring()).isTrue();
  }

  @Test
  void fewerThanFiveRunsOrAnUnknownVariantIsRefused() {
    assertThatThrownBy(() -> settings("--runs", "4")).hasMessageContaining("between 5 and 100");
    assertThatThrownBy(() -> settings("--variants", "plain,graal"))
        .hasMessageContaining("unknown variant 'graal'");
  }

  @Test
  void childCommandLineHoldsTheFlagsTheRunnerJarAndTheFunctionJarOnly() throws Exception {
    ColdStartBench.Settings settings = settings();

    List<String> command =
        ColdStartBench.command(
            Path.of("/jdk/bin/java"),
            Variant.PLAIN,
            settings.plain(),
            Variant.PLAIN.measuredFlags(""),
            Path.of("/w/runner.jar"),
            Path.of("/w/event.json"),
            true);

    assertThat(command)
        .containsExactly(
            "/jdk/bin/java",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-cp",
            "/w/runner.jar:/repo/functions/platform/target/platform.jar",
            ColdStartChild.class.getName(),
            "plain",
            "dev.kinora.platform.PlatformApi",
            "/w/event.json");
  }

  @Test
  void runnerJarHoldsTheChildClassAndNothingElse() throws Exception {
    List<String> entries = new ArrayList<>();
    try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(RunnerJar.build()))) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        entries.add(entry.getName());
      }
    }

    assertThat(entries).containsExactly("dev/kinora/bench/coldstart/child/ColdStartChild.class");
  }

  @Test
  void childResponseLinesAreReadIntoAnOutcome() {
    ChildJvm.Outcome outcome =
        ChildJvm.parse(
            ColdStartChild.RESPONSE_PREFIX + "status=200 body={\"data\":{\"status\":\"ok\"}}",
            ColdStartChild.PEAK_RSS_PREFIX + "41234",
            312_500_000L);

    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.body()).isEqualTo("{\"data\":{\"status\":\"ok\"}}");
    assertThat(outcome.peakRssKb()).isEqualTo(41_234);
    assertThat(outcome.millisToResponse()).isEqualTo(312.5);
  }

  @Test
  void differentAnswersFromTheTwoStylesAreReportedButTimestampsAndVersionsAreNot() {
    Map<Variant, String> same = new LinkedHashMap<>();
    same.put(Variant.PLAIN, "{\"data\":{\"version\":\"0.1.0\",\"time\":\"2026-11-25T15:00:00Z\"}}");
    same.put(Variant.SPRING, "{\"data\":{\"version\":\"dev\",\"time\":\"2026-11-25T15:00:09Z\"}}");
    Map<Variant, String> different = new LinkedHashMap<>();
    different.put(Variant.PLAIN, "{\"data\":{\"status\":\"ok\"}}");
    different.put(Variant.SPRING_APPCDS, "{\"status\":\"ok\"}");

    assertThat(ColdStartBench.notes(same)).isEmpty();
    assertThat(ColdStartBench.notes(different))
        .singleElement()
        .asString()
        .contains("different bodies");
  }

  private static ColdStartBench.Settings settings(String... args) {
    return ColdStartBench.Settings.from(
        BenchArgs.parse(List.of(args), new ColdStartBench().options()), ROOT);
  }
}
