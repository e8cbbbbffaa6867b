package dev.kinora.playlists;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Position keys of playlist items: strings over {@code 0-9A-Za-z} (ASCII order, so DynamoDB's byte
 * order of the sort key is their order) read as base-62 fractions. Between any two keys there is
 * always another one, so an item moves by rewriting only its own key; no neighbour is renumbered.
 *
 * <p>A key never ends in {@code 0}: such a key would have no key right before it at its length.
 * Appends increment the first {@link #HEAD} digits of the last key, so a playlist filled by appends
 * keeps four-character keys; moves take a midpoint, which grows by one digit each time the same gap
 * is split about six times. A move whose key would grow past {@code playlist.maxRankLength} (some
 * 380 moves into one and the same gap) renumbers the run of items around that gap instead ({@link
 * #spread}, {@code PlaylistService.move}).
 */
final class Ranks {
  static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int BASE = DIGITS.length();
  private static final int HEAD = 4;
  private static final BigInteger BIG_BASE = BigInteger.valueOf(BASE);

  /** Free keys of the same length kept in every gap {@link #spread} leaves. */
  static final int SPREAD_ROOM = 8;

  /** The key of the first item of an empty playlist: the middle of the range. */
  static final String FIRST = String.valueOf(DIGITS.charAt(BASE / 2));

  private Ranks() {}

  /** A key after {@code last}, short when {@code last} came from appends. */
  static String after(String last) {
    check(last);
    char[] head = new char[HEAD];
    for (int i = 0; i < HEAD; i++) {
      head[i] = i < last.length() ? last.charAt(i) : '0';
    }
    for (int i = HEAD - 1; i >= 0; i--) {
      int digit = DIGITS.indexOf(head[i]);
      if (digit < BASE - 1) {
        head[i] = DIGITS.charAt(digit + 1);
        // Everything after the incremented digit is 0 now: drop it (a key never ends in 0).
        return new String(head, 0, i + 1);
      }
      head[i] = '0';
    }
    // The head is all 'z': only a midpoint towards the end is left.
    return between(last, null);
  }

  /**
   * A key strictly between {@code low} and {@code high}; {@code null} stands for the start (low) or
   * the end (high) of the range.
   */
  static String between(String low, String high) {
    String a = low == null ? "" : low;
    if (!a.isEmpty()) {
      check(a);
    }
    if (high != null) {
      check(high);
      if (a.compareTo(high) >= 0) {
        throw new IllegalArgumentException(low + " is not before " + high);
      }
    }
    return midpoint(a, high);
  }

  /** Midpoint of fractions {@code a} (possibly "") and {@code b} (null = 1). */
  private static String midpoint(String a, String b) {
    if (b != null) {
      int common = 0;
      while (common < b.length() && digitAt(a, common) == DIGITS.indexOf(b.charAt(common))) {
        common++;
      }
      if (common > 0) {
        return b.substring(0, common)
            + midpoint(a.length() > common ? a.substring(common) : "", b.substring(common));
      }
    }
    int digitA = a.isEmpty() ? 0 : DIGITS.indexOf(a.charAt(0));
    int digitB = b == null ? BASE : DIGITS.indexOf(b.charAt(0));
    if (digitB - digitA > 1) {
      return String.valueOf(DIGITS.charAt((digitA + digitB + 1) / 2));
    }
    // Consecutive first digits: keep a's first digit and find room after the rest of a.
    if (b != null && b.length() > 1) {
      return b.substring(0, 1);
    }
    return DIGITS.charAt(digitA) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
  }

  /**
   * {@code count} keys strictly between {@code low} and {@code high} (null: the start or the end of
   * the range), evenly spaced, in order, and as short as that allows while leaving at least {@link
   * #SPREAD_ROOM} free keys of their length in every gap (so the next moves into any of those gaps
   * keep the length). Rebalancing renumbers a run of items with these.
   */
  static List<String> spread(String low, String high, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("nothing to spread: " + count);
    }
    if (low != null) {
      check(low);
    }
    if (high != null) {
      check(high);
      if (low != null && low.compareTo(high) >= 0) {
        throw new IllegalArgumentException(low + " is not before " + high);
      }
    }
    BigInteger needed =
        BigInteger.valueOf((long) count + 1).multiply(BigInteger.valueOf(SPREAD_ROOM));
    for (int length = 1; ; length++) {
      // Keys of this length read as integers: low and high truncated to it bound the free ones.
      BigInteger from = low == null ? BigInteger.ZERO : truncated(low, length);
      BigInteger to = high == null ? BIG_BASE.pow(length) : truncated(high, length);
      BigInteger room = to.subtract(from);
      if (room.compareTo(needed) >= 0) {
        BigInteger step = room.divide(BigInteger.valueOf((long) count + 1));
        var keys = new ArrayList<String>(count);
        for (int i = 1; i <= count; i++) {
          keys.add(toKey(from.add(step.multiply(BigInteger.valueOf(i))), length));
        }
        return keys;
      }
    }
  }

  /** The first {@code length} digits of {@code key} (padded with 0) as an integer. */
  private static BigInteger truncated(String key, int length) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < length; i++) {
      value = value.multiply(BIG_BASE).add(BigInteger.valueOf(digitAt(key, i)));
    }
    return value;
  }

  /** {@code value} as {@code length} digits, trailing zeros dropped (the same fraction). */
  private static String toKey(BigInteger value, int length) {
    char[] digits = new char[length];
    BigInteger rest = value;
    for (int i = length - 1; i >= 0; i--) {
      BigInteger[] division = rest.divideAndRemainder(BIG_BASE);
      digits[i] = DIGITS.charAt(division[1].intValue());
      rest = division[0];
    }
    int end = length;
    while (end > 0 && digits[end - 1] == '0') {
      end--;
    }
    return new String(digits, 0, end);
  }

  private static int digitAt(String key, int index) {
    return index < key.length() ? DIGITS.indexOf(key.charAt(index)) : 0;
  }

  /** Whether {@code key} is a well-formed position key. */
  static boolean isValid(String key) {
    if (key == null || key.isEmpty() || key.charAt(key.length() - 1) == '0') {
      return false;
    }
    return key.chars().allMatch(c -> DIGITS.indexOf(c) >= 0);
  }

  private static void check(String key) {
    if (!isValid(key)) {
      throw new IllegalArgumentException("not a position key: " + key);
    }
  }
}
