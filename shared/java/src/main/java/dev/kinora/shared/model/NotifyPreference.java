package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which uploads of a subscribed channel notify the subscriber (schema {@code NotifyPreference}):
 * ALL every public upload, PERSONALIZED only those picked for them (none yet), NONE never.
 */
public enum NotifyPreference {
  @JsonProperty("all")
  ALL,
  @JsonProperty("personalized")
  PERSONALIZED,
  @JsonProperty("none")
  NONE;

  /** The contract's spelling, also what EngagementTable stores. */
  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The preference stored as {@code text}; unknown text is NONE (never notify by mistake). */
  public static NotifyPreference fromText(String text) {
    for (NotifyPreference preference : values()) {
      if (preference.text().equals(text)) {
        return preference;
      }
    }
    return NONE;
  }
}
