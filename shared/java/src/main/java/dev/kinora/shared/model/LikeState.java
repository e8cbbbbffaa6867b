package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The caller's reaction to a video (schema {@code LikeState}). */
public enum LikeState {
  @JsonProperty("none")
  NONE,
  @JsonProperty("like")
  LIKE,
  @JsonProperty("dislike")
  DISLIKE
}
