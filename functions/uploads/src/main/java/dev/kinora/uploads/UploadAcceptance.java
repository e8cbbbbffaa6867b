package dev.kinora.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.http.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which files an upload may start with, every rule in one place; each refusal carries the message
 * the user reads. Size and type answer their own codes (413, 415), and they win over any other
 * validation issue of the request, so the upload studio can say exactly what is wrong with the
 * file.
 */
public final class UploadAcceptance {
  private final Limits.UploadLimits limits;

  public UploadAcceptance(Limits.UploadLimits limits) {
    this.limits = limits;
  }

  /** The first rule a file of this size and type breaks. */
  public Optional<ApiException> refusal(long fileSize, String mimeType) {
    return fileTooLarge(fileSize).or(() -> unsupportedFormat(mimeType));
  }

  /**
   * The size or type refusal of a body the contract's schema refused, if its {@code fileSize} or
   * {@code mimeType} is the reason; other issues are left to the schema's VALIDATION_ERROR.
   */
  public Optional<ApiException> refusalOfInvalidBody(JsonNode body) {
    JsonNode fileSize = body.path("fileSize");
    JsonNode mimeType = body.path("mimeType");
    Optional<ApiException> tooLarge =
        fileSize.isIntegralNumber() && fileSize.canConvertToLong()
            ? fileTooLarge(fileSize.longValue())
            : Optional.empty();
    return tooLarge.or(
        () -> mimeType.isTextual() ? unsupportedFormat(mimeType.textValue()) : Optional.empty());
  }

  private Optional<ApiException> fileTooLarge(long fileSize) {
    if (fileSize > limits.maxFileSizeBytes()) {
      return Optional.of(
          new ApiException(
              ErrorCode.FILE_TOO_LARGE,
              "The file is "
                  + describeBytes(fileSize)
                  + "; videos can be at most "
                  + describeBytes(limits.maxFileSizeBytes())));
    }
    if (limits.partCount(fileSize) > limits.maxParts()) {
      return Optional.of(
          new ApiException(
              ErrorCode.FILE_TOO_LARGE,
              "The file needs more than " + limits.maxParts() + " parts to upload"));
    }
    return Optional.empty();
  }

  private Optional<ApiException> unsupportedFormat(String mimeType) {
    if (limits.allowedMimeTypes().contains(mimeType)) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiException(
            ErrorCode.UNSUPPORTED_FORMAT,
            "Files of type "
                + (mimeType.isBlank() ? "(none)" : mimeType)
                + " cannot be uploaded; use one of "
                + String.join(", ", limits.allowedMimeTypes())));
  }

  /** Bytes in the largest binary unit that keeps the number at least 1, e.g. "5 GiB". */
  static String describeBytes(long bytes) {
    List<String> units = List.of("bytes", "KiB", "MiB", "GiB", "TiB");
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.size() - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? bytes + " bytes"
        : (value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value))
            + " "
            + units.get(unit);
  }
}
