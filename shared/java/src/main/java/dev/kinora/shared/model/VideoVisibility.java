package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may see a video: everyone (listed), anyone with the link, or only its owner. */
public enum VideoVisibility {
  @JsonProperty("public")
  PUBLIC,
  @JsonProperty("unlisted")
  UNLISTED,
  @JsonProperty("private")
  PRIVATE
}
