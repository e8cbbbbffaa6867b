package dev.kinora.shared.model;

/** The author's new text of a comment (schema {@code CommentUpdateRequest}). */
public record CommentUpdateRequest(String text) {}
