package dev.kinora.playlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RanksTest {

  @Test
  void appendsStayShortAndIncrease() {
    String key = Ranks.FIRST;
    for (int i = 0; i < 5000; i++) {
      String next = Ranks.after(key);
      assertThat(next).isGreaterThan(key).hasSizeLessThanOrEqualTo(4);
      assertThat(Ranks.isValid(next)).isTrue();
      key = next;
    }
  }

  @Test
  void thereIsAlwaysAKeyBetweenTwoKeys() {
    assertThat(Ranks.between(null, null)).isEqualTo(Ranks.FIRST);
    assertThat(Ranks.between("1", "2")).isBetween("1", "2").isNotIn("1", "2");
    assertThat(Ranks.between(null, "1")).isLessThan("1");
    assertThat(Ranks.between("1", "105")).isGreaterThan("1").isLessThan("105");
    assertThat(Ranks.between("zz", null)).isGreaterThan("zz");
  }

  @Test
  void splittingTheSameGapAgainAndAgainGrowsSlowly() {
    String low = "A";
    String high = "B";
    for (int i = 0; i < 300; i++) {
      String middle = Ranks.between(low, high);
      assertThat(middle).isGreaterThan(low).isLessThan(high);
      assertThat(Ranks.isValid(middle)).isTrue();
      high = middle; // always the gap right after "A"
    }
    assertThat(high.length()).isLessThan(64);
  }

  @Test
  void randomInsertionsKeepATotalOrderOfDistinctKeys() {
    Random random = new Random(13);
    List<String> keys = new ArrayList<>(List.of(Ranks.FIRST));
    for (int i = 0; i < 2000; i++) {
      int at = random.nextInt(keys.size() + 1);
      String low = at == 0 ? null : keys.get(at - 1);
      String high = at == keys.size() ? null : keys.get(at);
      String key = high == null && low != null ? Ranks.after(low) : Ranks.between(low, high);
      keys.add(at, key);
    }
    assertThat(keys).doesNotHaveDuplicates().isSorted();
    assertThat(keys).allMatch(Ranks::isValid);
  }

  @Test
  void spreadKeysAreOrderedShortAndInsideTheirBounds() {
    List<String> whole = Ranks.spread(null, null, 99);
    assertThat(whole).hasSize(99).doesNotHaveDuplicates().isSorted().allMatch(Ranks::isValid);
    assertThat(whole).allMatch(k -> k.length() <= 2);

    // An exhausted gap: bounds sharing 60 digits still take a run of keys only a little longer.
    String low = "V" + "0".repeat(58) + "1";
    String high = "V" + "0".repeat(58) + "2";
    List<String> tight = Ranks.spread(low, high, 50);
    assertThat(tight).hasSize(50).doesNotHaveDuplicates().isSorted().allMatch(Ranks::isValid);
    assertThat(tight).allMatch(k -> k.compareTo(low) > 0 && k.compareTo(high) < 0);
    assertThat(tight).allMatch(k -> k.length() <= 62);

    List<String> start = Ranks.spread(null, "1", 3);
    assertThat(start).isSorted().allMatch(k -> k.compareTo("1") < 0 && Ranks.isValid(k));
    List<String> end = Ranks.spread("zzz", null, 3);
    assertThat(end).isSorted().allMatch(k -> k.compareTo("zzz") > 0 && Ranks.isValid(k));
    assertThatThrownBy(() -> Ranks.spread("B", "A", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysAreSortedTheWayDynamoDbComparesBytes() {
    assertThat(Ranks.DIGITS.chars().toArray()).isSorted();
  }

  @Test
  void malformedOrReversedBoundsAreRefused() {
    assertThatThrownBy(() -> Ranks.between("B", "A")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ranks.between("A0", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Ranks.isValid("a/b")).isFalse();
    assertThat(Ranks.isValid("")).isFalse();
  }
}
