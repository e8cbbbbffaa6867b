package dev.kinora.shared.model;

/** Body of a new comment or reply (schema {@code CommentCreateRequest}). */
public record CommentCreateRequest(String text, String parentId) {}
