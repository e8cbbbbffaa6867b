package dev.kinora.shared.model;

import java.time.Instant;

/** Answer of {@code GET /api/v1/health} (schema {@code HealthStatus}). */
public record HealthStatus(String status, String service, String version, Instant time) {

  /** The only status the schema allows: the function answered. */
  public static HealthStatus ok(String service, String version, Instant time) {
    return new HealthStatus("ok", service, version, time);
  }
}
