package dev.kinora.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgsTest {

  private static final List<BenchOption> OPTIONS =
      List.of(
          BenchOption.value("runs", "n", "runs"),
          BenchOption.value("variants", "a,b", "variants"),
          BenchOption.flag("no-build", "skip the build"));

  @Test
  void readsSeparateAndInlineValuesAndFlags() {
    BenchArgs args =
        BenchArgs.parse(List.of("--runs", "9", "--variants=plain, spring", "--no-build"), OPTIONS);

    assertThat(args.integer("runs", 7, 5, 100)).isEqualTo(9);
    assertThat(args.list("variants", List.of())).containsExactly("plain", "spring");
    assertThat(args.flag("no-build")).isTrue();
  }

  @Test
  void absentOptionsFallBackToDefaults() {
    BenchArgs args = BenchArgs.parse(List.of(), OPTIONS);

    assertThat(args.integer("runs", 7, 5, 100)).isEqualTo(7);
    assertThat(args.flag("no-build")).isFalse();
    assertThat(args.string("variants")).isEmpty();
  }

  @Test
  void unknownOptionIsRefusedNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> BenchArgs.parse(List.of("--rnus", "7"), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --rnus")
        .hasMessageContaining("--runs <n>");
  }

  @Test
  void optionWithoutItsValueIsRefused() {
    assertThatThrownBy(() -> BenchArgs.parse(List.of("--runs", "--no-build"), OPTIONS))
        .hasMessageContaining("--runs <n>: the value is missing");
  }

  @Test
  void flagGivenAValueIsRefused() {
    assertThatThrownBy(() -> BenchArgs.parse(List.of("--no-build=yes"), OPTIONS))
        .hasMessageContaining("takes no value");
  }

  @Test
  void repeatedOptionAndStrayWordsAreRefused() {
    assertThatThrownBy(() -> BenchArgs.parse(List.of("--runs", "5", "--runs", "6"), OPTIONS))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> BenchArgs.parse(List.of("fast"), OPTIONS))
        .hasMessageContaining("unexpected argument 'fast'");
  }

  @Test
  void numbersOutsideTheirRangeAreRefused() {
    BenchArgs tooFew = BenchArgs.parse(List.of("--runs", "3"), OPTIONS);
    BenchArgs notANumber = BenchArgs.parse(List.of("--runs", "many"), OPTIONS);

    assertThatThrownBy(() -> tooFew.integer("runs", 7, 5, 100))
        .hasMessageContaining("between 5 and 100, not 3");
    assertThatThrownBy(() -> notANumber.integer("runs", 7, 5, 100))
        .hasMessageContaining("whole number");
  }
}
