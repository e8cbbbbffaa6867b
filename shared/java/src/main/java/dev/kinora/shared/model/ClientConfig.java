package dev.kinora.shared.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /api/v1/config} (schema {@code ClientConfig}). {@code limits} is built by
 * {@link dev.kinora.shared.contract.Contract#clientLimits()}, so it is exactly limits.json's
 * values.
 */
public record ClientConfig(JsonNode limits) {}
