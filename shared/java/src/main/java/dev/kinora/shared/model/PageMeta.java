package dev.kinora.shared.model;

/**
 * Paging information of a list (schema {@code PageMeta}); {@code nextCursor} is null at the end.
 */
public record PageMeta(String nextCursor) {}
