package dev.kinora.shared.model;

import java.time.Instant;

/**
 * A comment (schema {@code Comment}); {@code parentId} is set on replies, {@code editedAt} once the
 * author edited it, both null otherwise.
 */
public record Comment(
    String id,
    String videoId,
    CommentAuthor author,
    String text,
    String parentId,
    long replyCount,
    long likeCount,
    Instant createdAt,
    Instant editedAt) {}
