package dev.kinora.uploads;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.model.ErrorDetails;
import java.util.List;

/**
 * 409 UPLOAD_INCOMPLETE: the storage does not hold the whole file yet. {@link #missingParts()}
 * lists the absent part numbers, ascending (empty when every part is there but sizes disagree).
 */
public final class UploadIncompleteException extends ApiException {
  private final List<Integer> missingParts;

  UploadIncompleteException(String message, List<Integer> missingParts) {
    super(
        ErrorCode.UPLOAD_INCOMPLETE,
        message,
        missingParts.isEmpty() ? null : ErrorDetails.ofMissingParts(missingParts));
    this.missingParts = List.copyOf(missingParts);
  }

  public List<Integer> missingParts() {
    return missingParts;
  }
}
