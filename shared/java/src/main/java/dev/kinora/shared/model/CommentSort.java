package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Order of a video's top-level comments (schema {@code CommentSort}). */
public enum CommentSort {
  /** Newest first. */
  @JsonProperty("newest")
  NEWEST,
  /** Most likes + replies first. */
  @JsonProperty("top")
  TOP
}
