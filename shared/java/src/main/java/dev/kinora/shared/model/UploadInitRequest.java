package dev.kinora.shared.model;

/** Body of {@code POST /api/v1/uploads} (schema {@code UploadInitRequest}). */
public record UploadInitRequest(String filename, long fileSize, String mimeType) {}
