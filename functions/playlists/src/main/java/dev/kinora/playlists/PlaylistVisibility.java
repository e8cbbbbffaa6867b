package dev.kinora.playlists;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may read a playlist (contract {@code PlaylistVisibility}). */
public enum PlaylistVisibility {
  @JsonProperty("public")
  PUBLIC,
  @JsonProperty("unlisted")
  UNLISTED,
  @JsonProperty("private")
  PRIVATE;

  /** The value the contract and PlaylistsTable use. */
  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static PlaylistVisibility fromWire(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
