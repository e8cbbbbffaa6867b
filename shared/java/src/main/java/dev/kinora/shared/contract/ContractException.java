package dev.kinora.shared.contract;

/** The contract files are inconsistent or unreadable; raised while loading, never per request. */
public final class ContractException extends RuntimeException {
  public ContractException(String message) {
    super(message);
  }

  public ContractException(String message, Throwable cause) {
    super(message, cause);
  }
}
