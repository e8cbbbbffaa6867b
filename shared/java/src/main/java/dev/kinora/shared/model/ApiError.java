package dev.kinora.shared.model;

import dev.kinora.shared.contract.ErrorCode;

/**
 * The {@code error} of an {@link ErrorEnvelope} (schema {@code Error}). {@code details} and {@code
 * requestId} may be null.
 */
public record ApiError(ErrorCode code, String message, ErrorDetails details, String requestId) {}
