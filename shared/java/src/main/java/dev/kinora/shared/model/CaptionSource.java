package dev.kinora.shared.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a caption track came from: the owner's upload or a subtitle stream of the source. */
public enum CaptionSource {
  @JsonProperty("upload")
  UPLOAD,
  @JsonProperty("embedded")
  EMBEDDED
}
