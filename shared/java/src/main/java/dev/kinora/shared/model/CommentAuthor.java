package dev.kinora.shared.model;

/** The channel that wrote a comment (schema {@code CommentAuthor}). */
public record CommentAuthor(String channelId, String handle, String name, String avatarUrl) {}
