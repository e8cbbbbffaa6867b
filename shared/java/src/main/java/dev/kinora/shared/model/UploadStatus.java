package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** State of an upload session. */
public enum UploadStatus {
  @JsonProperty("active")
  ACTIVE,
  @JsonProperty("completed")
  COMPLETED,
  @JsonProperty("expired")
  EXPIRED,
  @JsonProperty("cancelled")
  CANCELLED
}
