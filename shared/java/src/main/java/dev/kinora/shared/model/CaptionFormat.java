package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The format of an uploaded caption file. */
public enum CaptionFormat {
  @JsonProperty("vtt")
  VTT,
  @JsonProperty("srt")
  SRT
}
