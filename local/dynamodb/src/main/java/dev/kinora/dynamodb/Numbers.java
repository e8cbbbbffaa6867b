package dev.kinora.dynamodb;

import java.math.BigDecimal;

/** DynamoDB's number rules: exact decimals, at most 38 significant digits, canonical output. */
final class Numbers {
  private static final int MAX_EXPONENT = 125;
  private static final int MIN_EXPONENT = -130;

  private Numbers() {}

  static BigDecimal parse(String text) {
    BigDecimal value;
    try {
      if (text.isEmpty() || Character.isWhitespace(text.charAt(0))) {
        throw new NumberFormatException();
      }
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw ApiException.validation(
          "The parameter cannot be converted to a numeric value: " + text);
    }
    return checked(value);
  }

  /** Validates range and precision, returning the canonical form. */
  static BigDecimal checked(BigDecimal value) {
    BigDecimal canonical = canonical(value);
    if (canonical.signum() == 0) {
      return canonical;
    }
    if (canonical.precision() > AttrValue.MAX_NUMBER_DIGITS) {
      throw ApiException.validation(
          "Attempting to store more than 38 significant digits in a Number");
    }
    int exponent = canonical.precision() - canonical.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw ApiException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported"
              + " range");
    }
    if (exponent < MIN_EXPONENT) {
      throw ApiException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported"
              + " range");
    }
    return canonical;
  }

  static BigDecimal canonical(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  static String format(BigDecimal value) {
    return canonical(value).toPlainString();
  }

  static long storedSize(BigDecimal value) {
    return (canonical(value).precision() + 1) / 2 + 1;
  }
}
