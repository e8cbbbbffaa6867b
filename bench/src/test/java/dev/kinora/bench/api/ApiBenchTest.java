package dev.kinora.bench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.bench.BenchArgs;
import dev.kinora.local.template.FunctionDef;
import dev.kinora.local.template.Template;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiBenchTest {

  private static final Path ROOT = Path.of("/repo");

  @Test
  void defaultsAreFiveThousandRequestsSixteenWorkersAMinuteCapAndThreeHundredWarmUps() {
    ApiBench.Settings settings = settings();

    assertThat(settings.requests()).isEqualTo(5_000);
    assertThat(settings.concurrency()).isEqualTo(16);
    assertThat(settings.cap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.warmup()).isEqualTo(300);
    assertThat(settings.items()).isEqualTo(1_000);
    assertThat(settings.platformJar())
        .isEqualTo(Path.of("/repo/functions/platform/target/platform.jar"));
  }

  @Test
  void everyBoundCanBeSetOnTheCommandLine() {
    ApiBench.Settings settings =
        settings(
            "--requests",
            "200",
            "--concurrency=4",
            "--duration-cap",
            "5",
            "--warmup",
            "0",
            "--items",
            "10");

    assertThat(settings.plan())
        .isEqualTo(new LoadGenerator.Plan(200, 4, Duration.ofSeconds(5), 0, ApiBench.SEED));
    assertThat(settings.items()).isEqualTo(10);
  }

  @Test
  void boundsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> settings("--requests", "0")).hasMessageContaining("between 1 and");
    assertThatThrownBy(() -> settings("--concurrency", "1000"))
        .hasMessageContaining("--concurrency must be between 1 and 256");
    assertThatThrownBy(() -> settings("--duration-cap", "601")).hasMessageContaining("600");
    assertThatThrownBy(() -> settings("--warmup", "-1")).hasMessageContaining("--warmup");
    assertThatThrownBy(() -> settings("--requests", "lots")).hasMessageContaining("whole number");
  }

  @Test
  void loadGoesToLoopbackAddressesOnly() {
    URI local = URI.create("http://127.0.0.1:8080/api/v1/health");

    assertThat(ApiBench.loopback(local)).isEqualTo(local);
    assertThat(ApiBench.loopback(URI.create("http://localhost:1/"))).isNotNull();
    assertThatThrownBy(() -> ApiBench.loopback(URI.create("http://192.0.2.1/api")))
        .hasMessageContaining("not a loopback address");
  }

  @Test
  void benchTemplatePointsBothFunctionsAtAbsoluteCode() throws Exception {
    String text =
        BenchCloud.template(
            Path.of("/repo/functions/platform/target/platform.jar"),
            Path.of("/repo/bench/target/api/item-read-function"));

    Template template = Template.parse(text, Path.of("/elsewhere/template.yaml"));

    assertThat(text).doesNotContain("@PLATFORM_JAR@", "@ITEM_READ_CODE@");
    assertThat(template.functions())
        .extracting(FunctionDef::logicalId, FunctionDef::codeUri, FunctionDef::handler)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PlatformFunction",
                "/repo/functions/platform/target/platform.jar",
                "dev.kinora.platform.PlatformApi::handleRequest"),
            org.assertj.core.groups.Tuple.tuple(
                "ItemReadFunction",
                "/repo/bench/target/api/item-read-function",
                "dev.kinora.bench.api.ItemReadApi::handleRequest"));
    assertThat(template.resources()).containsKey(BenchCloud.ITEMS_TABLE);
  }

  @Test
  void functionLibraryKeepsClassPathOrderAndNamesClassFoldersByModule() {
    assertThat(ItemReadCode.libName(7, Path.of("/m2/x/kinora-shared-0.1.0.jar")))
        .isEqualTo("007-kinora-shared-0.1.0.jar");
    assertThat(ItemReadCode.libName(3, Path.of("/work/bench/target/classes")))
        .isEqualTo("003-bench-classes.jar");
    assertThat(
            List.of(
                ItemReadCode.libName(10, Path.of("a.jar")),
                ItemReadCode.libName(9, Path.of("z.jar"))))
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  private static ApiBench.Settings settings(String... args) {
    return ApiBench.Settings.from(BenchArgs.parse(List.of(args), new ApiBench().options()), ROOT);
  }
}
