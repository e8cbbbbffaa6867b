package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a video is in its life: uploading → processing → ready, or failed / blocked. */
public enum VideoStatus {
  @JsonProperty("uploading")
  UPLOADING,
  @JsonProperty("processing")
  PROCESSING,
  @JsonProperty("ready")
  READY,
  @JsonProperty("failed")
  FAILED,
  @JsonProperty("blocked")
  BLOCKED
}
