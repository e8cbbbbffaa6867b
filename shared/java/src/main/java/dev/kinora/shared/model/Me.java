package dev.kinora.shared.model;

/** The signed-in account (schema {@code Me}). */
public record Me(String userId, String email, Channel channel) {}
