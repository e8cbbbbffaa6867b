package dev.kinora.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoakRecorderTest {
  @Test
  void routesAreNamedWithoutIdsOrQueries() {
    assertThat(SoakRecorder.route("GET", "/api/v1/videos/abcDEF12345/comments?sort=newest"))
        .isEqualTo("GET /api/v1/videos/{id}/comments");
    assertThat(SoakRecorder.route("POST", "/api/v1/uploads/up_x/complete"))
        .isEqualTo("POST /api/v1/uploads/{id}/complete");
    assertThat(SoakRecorder.route("GET", "/api/v1/search?q=soak")).isEqualTo("GET /api/v1/search");
    assertThat(SoakRecorder.route("GET", "/api/v1/feed")).isEqualTo("GET /api/v1/feed");
  }

  @Test
  void onlyTheMeasuredWindowCountsAndEveryNon2xxIsListedByRouteAndStatus() {
    SoakRecorder recorder = new SoakRecorder();
    recorder.answered("GET", "/api/v1/feed", 200, 1_000_000);

    recorder.measuring(true);
    recorder.answered("GET", "/api/v1/feed", 200, 2_000_000);
    recorder.answered("GET", "/api/v1/feed", 200, 4_000_000);
    recorder.answered("PUT", "/api/v1/videos/v1/rating", 429, 3_000_000);
    recorder.measuring(false);
    recorder.answered("GET", "/api/v1/feed", 500, 1_000_000);

    assertThat(recorder.requests()).isEqualTo(3);
    assertThat(recorder.errors())
        .containsExactly(java.util.Map.entry("PUT /api/v1/videos/{id}/rating → 429", 1L));
    assertThat(recorder.latencies())
        .filteredOn(r -> r.route().equals("GET /api/v1/feed"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.latencies().count()).isEqualTo(2);
              assertThat(r.latencies().maxMs()).isEqualTo(4.0);
            });
  }

  @Test
  void theLedgerExpectsEachUsersLastAcknowledgedRating() {
    Ledger ledger = new Ledger();
    ledger.rated("v1", "alice", "like");
    ledger.rated("v1", "alice", "none");
    ledger.rated("v1", "bob", "like");
    ledger.rated("v1", "carol", "like");
    ledger.commented("v1");
    ledger.viewCounted("v1");
    ledger.viewCounted("v2");

    assertThat(ledger.expected("v1")).isEqualTo(new Ledger.Expected(2, 1, 1));
    assertThat(ledger.all()).containsKeys("v1", "v2");
    assertThat(ledger.expected("v2")).isEqualTo(new Ledger.Expected(0, 0, 1));
  }
}
