package dev.kinora.shared.model;

/** A presigned {@code UploadPart} URL for one part (schema {@code UploadPartUrl}). */
public record UploadPartUrl(int partNumber, String url) {}
