package dev.kinora.shared.model;

import java.util.List;

/**
 * The owner-editable part of a video (schema {@code VideoMetadata}, also the body of {@code
 * UploadCompleteRequest}). Absent description, tags and categories mean empty.
 */
public record VideoMetadata(
    String title,
    String description,
    List<String> tags,
    List<String> categories,
    VideoVisibility visibility) {

  public VideoMetadata {
    description = description == null ? "" : description;
    tags = tags == null ? List.of() : List.copyOf(tags);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
