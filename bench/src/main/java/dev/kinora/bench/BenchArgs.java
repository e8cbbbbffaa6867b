package dev.kinora.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options after the benchmark name, checked against what the benchmark declared. Parsing fails
 * with a message meant for the person at the terminal; typed getters check ranges the same way.
 */
public final class BenchArgs {

  private final Map<String, String> values;

  private BenchArgs(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code --name value}, {@code --name=value} and bare flags.
   *
   * @throws IllegalArgumentException for an unknown option, a flag given a value, a missing value,
   *     a repeated option or a stray word
   */
  public static BenchArgs parse(List<String> tokens, List<BenchOption> accepted) {
    Map<String, BenchOption> byName = new LinkedHashMap<>();
    for (BenchOption option : accepted) {
      byName.put(option.name(), option);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (!token.startsWith("--") || token.length() == 2) {
        throw new IllegalArgumentException("unexpected argument '" + token + "'");
      }
      String name = token.substring(2);
      String inlineValue = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        inlineValue = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      BenchOption option = byName.get(name);
      if (option == null) {
        throw new IllegalArgumentException(
            "unknown option --" + name + " (accepted: " + usages(accepted) + ")");
      }
      if (values.containsKey(name)) {
        throw new IllegalArgumentException("--" + name + " given twice");
      }
      if (!option.takesValue()) {
        if (inlineValue != null) {
          throw new IllegalArgumentException("--" + name + " is a flag and takes no value");
        }
        values.put(name, "true");
      } else if (inlineValue != null) {
        values.put(name, inlineValue);
      } else if (i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("--")) {
        values.put(name, tokens.get(++i));
      } else {
        throw new IllegalArgumentException(option.usage() + ": the value is missing");
      }
    }
    return new BenchArgs(values);
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public boolean flag(String name) {
    return values.containsKey(name);
  }

  /** An integer option within {@code [min, max]}, or the fallback when it is absent. */
  public int integer(String name, int fallback, int min, int max) {
    String raw = values.get(name);
    if (raw == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " wants a whole number, not '" + raw + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  /** A comma-separated option, trimmed, without empty items; the fallback when absent. */
  public List<String> list(String name, List<String> fallback) {
    String raw = values.get(name);
    if (raw == null) {
      return fallback;
    }
    List<String> items = new ArrayList<>();
    for (String item : Arrays.asList(raw.split(","))) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("--" + name + " is empty");
    }
    return List.copyOf(items);
  }

  private static String usages(List<BenchOption> accepted) {
    List<String> usages = new ArrayList<>();
    for (BenchOption option : accepted) {
      usages.add(option.usage());
    }
    return String.join(", ", usages);
  }
}
