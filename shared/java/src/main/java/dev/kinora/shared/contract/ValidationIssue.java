package dev.kinora.shared.contract;

/**
 * One contract violation: {@code path} is a JSON Pointer into the validated document ({@code ""}
 * for the root), {@code message} a reason a person can read next to the field.
 */
public record ValidationIssue(String path, String message) {}
