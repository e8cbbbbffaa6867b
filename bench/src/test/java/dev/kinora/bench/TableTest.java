package dev.kinora.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void namesAlignLeftAndNumbersRight() {
    String table =
        new Table(List.of("variant", "median ms"))
            .row(List.of("plain", "312"))
            .row(List.of("spring-appcds", "1450"))
            .render();

    assertThat(table)
        .isEqualTo(
            """
            variant        median ms
            -------------  ---------
            plain                312
            spring-appcds       1450
            """);
  }

  @Test
  void rowWithTheWrongNumberOfCellsIsRefused() {
    Table table = new Table(List.of("a", "b"));

    assertThatThrownBy(() -> table.row(List.of("only one")))
        .hasMessageContaining("1 cells, the table 2 columns");
  }
}
