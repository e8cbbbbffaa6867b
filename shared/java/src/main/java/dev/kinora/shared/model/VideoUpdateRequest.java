package dev.kinora.shared.model;

import java.util.List;

/**
 * The owner's edit of a video (schema {@code VideoUpdateRequest}); a null field keeps its value.
 */
public record VideoUpdateRequest(
    String title,
    String description,
    List<String> tags,
    List<String> categories,
    VideoVisibility visibility) {

  public VideoUpdateRequest {
    tags = tags == null ? null : List.copyOf(tags);
    categories = categories == null ? null : List.copyOf(categories);
  }
}
