package dev.kinora.shared.model;

import java.time.Instant;
import java.util.List;

/** Presigned part URLs, all valid until {@code expiresAt} (schema {@code UploadPartUrls}). */
public record UploadPartUrls(List<UploadPartUrl> parts, Instant expiresAt) {

  public UploadPartUrls {
    parts = List.copyOf(parts);
  }
}
