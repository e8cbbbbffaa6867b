package dev.kinora.dynamodb;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string with value equality and DynamoDB's unsigned bytewise order. */
final class Bytes implements Comparable<Bytes> {
  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  static Bytes of(byte[] data) {
    return new Bytes(data.clone());
  }

  static Bytes fromBase64(String text) {
    try {
      return new Bytes(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw ApiException.serialization("Base64 encoded length is invalid or data is not base64");
    }
  }

  String toBase64() {
    return Base64.getEncoder().encodeToString(data);
  }

  int length() {
    return data.length;
  }

  boolean startsWith(Bytes prefix) {
    return data.length >= prefix.data.length
        && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
  }

  boolean contains(Bytes needle) {
    outer:
    for (int i = 0; i + needle.data.length <= data.length; i++) {
      for (int j = 0; j < needle.data.length; j++) {
        if (data[i + j] != needle.data[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(data, other.data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return toBase64();
  }
}
