package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Subtitles (the dialogue) or captions (dialogue plus sounds, for deaf and hard-of-hearing
 * viewers).
 */
public enum CaptionKind {
  @JsonProperty("subtitles")
  SUBTITLES,
  @JsonProperty("captions")
  CAPTIONS
}
