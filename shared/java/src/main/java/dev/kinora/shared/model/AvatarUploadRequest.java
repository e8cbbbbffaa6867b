package dev.kinora.shared.model;

/**
 * Body of {@code POST /api/v1/channels/me/avatar} (schema {@code AvatarUploadRequest}): the image
 * the browser is about to upload, {@code size} in bytes.
 */
public record AvatarUploadRequest(String contentType, long size) {}
