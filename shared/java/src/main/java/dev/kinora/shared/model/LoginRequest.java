package dev.kinora.shared.model;

/** Body of {@code POST /api/v1/auth/login} (schema {@code LoginRequest}). */
public record LoginRequest(String email, String password) {

  /** The password stays out of logs and exception messages. */
  @Override
  public String toString() {
    return "LoginRequest[email=" + email + "]";
  }
}
