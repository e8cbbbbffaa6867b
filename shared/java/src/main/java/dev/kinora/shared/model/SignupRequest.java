package dev.kinora.shared.model;

/** Body of {@code POST /api/v1/auth/signup} (schema {@code SignupRequest}). */
public record SignupRequest(String email, String password, String displayName, String handle) {

  /** The password stays out of logs and exception messages. */
  @Override
  public String toString() {
    return "SignupRequest[email=" + email + ", handle=" + handle + "]";
  }
}
