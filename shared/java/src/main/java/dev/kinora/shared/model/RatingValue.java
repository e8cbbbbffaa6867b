package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A user's rating of a video (schema {@code RatingValue}); NONE means no rating. */
public enum RatingValue {
  @JsonProperty("like")
  LIKE,
  @JsonProperty("dislike")
  DISLIKE,
  @JsonProperty("none")
  NONE
}
