package dev.kinora.moderation;

/** Schema {@code ReportCreateRequest}; {@code text} is null when not given. */
public record ReportCreateRequest(String targetKind, String targetId, String reason, String text) {}
