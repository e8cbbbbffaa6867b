package dev.kinora.playlists;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A user-made playlist, or the one Watch later every user has (contract {@code PlaylistKind}). */
public enum PlaylistKind {
  @JsonProperty("regular")
  REGULAR,
  @JsonProperty("watchLater")
  WATCH_LATER;

  /** The value the contract and PlaylistsTable use. */
  String wire() {
    return this == REGULAR ? "regular" : "watchLater";
  }

  static PlaylistKind fromWire(String value) {
    return "watchLater".equals(value) ? WATCH_LATER : REGULAR;
  }
}
