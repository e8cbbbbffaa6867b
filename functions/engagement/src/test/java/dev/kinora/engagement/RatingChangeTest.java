package dev.kinora.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.model.RatingValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingChangeTest {

  @ParameterizedTest(name = "{0} → {1}: likes {2}, dislikes {3}")
  @CsvSource({
    "NONE, LIKE, 1, 0",
    "NONE, DISLIKE, 0, 1",
    "LIKE, NONE, -1, 0",
    "DISLIKE, NONE, 0, -1",
    "LIKE, DISLIKE, -1, 1",
    "DISLIKE, LIKE, 1, -1",
    "LIKE, LIKE, 0, 0",
    "NONE, NONE, 0, 0"
  })
  void everyMoveChangesTheCountersByWhatItAddsAndRemoves(
      RatingValue previous, RatingValue next, long likes, long dislikes) {
    var change = new RatingChange(previous, next);

    assertThat(change.likeDelta()).isEqualTo(likes);
    assertThat(change.dislikeDelta()).isEqualTo(dislikes);
    assertThat(change.changesNothing()).isEqualTo(previous == next);
  }
}
