package dev.kinora.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.bench.Machine;
import dev.kinora.bench.ResultsFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadResultsTest {
  private static final long MIB = 1024 * 1024;
  private static final long MS = 1_000_000;

  /** 100 MiB: init 10 ms, presign 20 ms, parts 900 ms, complete 70 ms → 1 s in all. */
  private static UploadResults.Multipart multipart() {
    return UploadResults.Multipart.of(
        100 * MIB,
        10 * MS,
        20 * MS,
        1,
        900 * MS,
        70 * MS,
        List.of(
            new PartUploader.PartTime(1, 5 * MIB, 40 * MS),
            new PartUploader.PartTime(2, 5 * MIB, 50 * MS),
            new PartUploader.PartTime(3, 5 * MIB, 90 * MS)));
  }

  @Test
  void throughputCountsEveryPhaseEndToEndAndThePartsAlone() {
    UploadResults.Multipart m = multipart();

    assertThat(m.totalMs()).isEqualTo(1000.0);
    assertThat(m.mibPerSecond()).isEqualTo(100.0);
    assertThat(m.partsMibPerSecond()).isEqualTo(111.11);
    assertThat(m.partMedianMs()).isEqualTo(50.0);
    assertThat(m.partMaxMs()).isEqualTo(90.0);
  }

  @Test
  void theRatioIsMultipartOverDirectAndItsMedianDecidesTheTarget() {
    UploadResults.Direct fast = UploadResults.Direct.of(100 * MIB, 800 * MS); // 125 MiB/s
    UploadResults.Direct slow = UploadResults.Direct.of(100 * MIB, 1000 * MS); // 100 MiB/s
    var rounds =
        List.of(
            UploadResults.Round.of(1, "multipart", multipart(), fast),
            UploadResults.Round.of(2, "direct", multipart(), slow),
            UploadResults.Round.of(3, "multipart", multipart(), fast));

    assertThat(rounds.get(0).ratio()).isEqualTo(0.8);
    assertThat(rounds.get(1).ratio()).isEqualTo(1.0);
    UploadResults.Summary summary = UploadResults.Summary.of(rounds);
    assertThat(summary.medianRatio()).isEqualTo(0.8);
    assertThat(summary.meetsTarget()).isFalse();
    assertThat(UploadResults.Summary.of(rounds.subList(1, 2)).meetsTarget()).isTrue();
  }

  @Test
  void theTableShowsBothFlowsPerRoundAndTheVerdict() throws Exception {
    var round =
        UploadResults.Round.of(
            1, "multipart", multipart(), UploadResults.Direct.of(100 * MIB, 1000 * MS));
    var results =
        new UploadResults(
            "upload",
            "2026-11-25T18:00:00Z",
            12.3,
            Machine.now(),
            List.of(),
            new UploadResults.Settings(100 * MIB, 5 * MIB, 20, 3, 1, "s3", "http", "put"),
            new UploadResults.LocalCloudInfo("t.yaml", List.of("AccountsFunction"), 1000),
            List.of(round),
            UploadResults.Summary.of(List.of(round)),
            UploadResults.notes(List.of(round)));

    String table = results.table();
    assertThat(table).contains("multipart x3", "direct PUT", "20 (1)", "50/90");
    assertThat(table).contains("ratio multipart/direct (median of 1): 1.00 end to end");
    JsonNode json = new ObjectMapper().readTree(ResultsFile.toJson(results));
    assertThat(json.at("/rounds/0/multipart/partsMs").asDouble()).isEqualTo(900.0);
    assertThat(json.at("/summary/meetsTarget").asBoolean()).isTrue();
  }

  @Test
  void slowBookkeepingAroundThePartsIsNoted() {
    var heavy =
        UploadResults.Multipart.of(100 * MIB, 100 * MS, 100 * MS, 1, 600 * MS, 200 * MS, List.of());
    var round =
        UploadResults.Round.of(1, "multipart", heavy, UploadResults.Direct.of(100 * MIB, MS * 900));

    assertThat(UploadResults.notes(List.of(round))).singleElement().asString().contains("40%");
  }
}
