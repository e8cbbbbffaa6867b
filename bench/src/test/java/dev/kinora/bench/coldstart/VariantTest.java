package dev.kinora.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void plainRunsWithTheLambdaRuntimeFlagsOnly() {
    assertThat(Variant.PLAIN.trainingFlags("x")).isEmpty();
    assertThat(Variant.PLAIN.measuredFlags(""))
        .containsExactly("-XX:TieredStopAtLevel=1", "-Xshare:auto");
  }

  @Test
  void appCdsTrainsADynamicArchiveAndStartsFromIt() {
    assertThat(Variant.SPRING_APPCDS.trainingFlags("a/spring-appcds.jsa"))
        .containsExactly(
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-XX:ArchiveClassesAtExit=a/spring-appcds.jsa");
    assertThat(Variant.SPRING_APPCDS.measuredFlags("a/spring-appcds.jsa"))
        .endsWith("-XX:SharedArchiveFile=a/spring-appcds.jsa");
  }

  @Test
  void aotCacheNeverGetsAnXshareFlagWhichTheJvmRefusesAlongsideIt() {
    assertThat(Variant.PLAIN_AOT.trainingFlags("p.aot"))
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:AOTCacheOutput=p.aot");
    assertThat(Variant.PLAIN_AOT.measuredFlags("p.aot"))
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:AOTCache=p.aot");
  }

  @Test
  void variantsAreFoundByTheirCommandLineId() {
    assertThat(Variant.byId("spring-aot")).isEqualTo(Variant.SPRING_AOT);
    assertThat(Variant.byId("spring-aot").base()).isEqualTo(Variant.SPRING);
    assertThatThrownBy(() -> Variant.byId("quarkus"))
        .hasMessageContaining("unknown variant 'quarkus'")
        .hasMessageContaining("plain-appcds");
  }
}
