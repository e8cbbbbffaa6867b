package dev.kinora.shared.model;

import java.time.Instant;
import java.util.Map;

/**
 * A presigned avatar upload (schema {@code AvatarUpload}): {@code method} to {@code uploadUrl} with
 * exactly {@code headers} until {@code expiresAt}, then {@code avatarKey} names the image.
 */
public record AvatarUpload(
    String avatarKey,
    String uploadUrl,
    String method,
    Map<String, String> headers,
    Instant expiresAt) {

  public AvatarUpload {
    headers = Map.copyOf(headers);
  }
}
