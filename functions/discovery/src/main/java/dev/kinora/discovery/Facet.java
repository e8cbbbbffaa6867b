package dev.kinora.discovery;

import java.util.Locale;

/**
 * Which trending list: everything, one category, or one tag. Categories and tags are free text in
 * the contract, so they are compared trimmed and lower-cased ("Music" and "music " are one list).
 */
record Facet(String key) {
  static final Facet ALL = new Facet("all");

  static Facet category(String name) {
    return new Facet("category:" + normalise(name));
  }

  static Facet tag(String name) {
    return new Facet("tag:" + normalise(name));
  }

  static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
