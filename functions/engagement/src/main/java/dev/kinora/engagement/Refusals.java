package dev.kinora.engagement;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;

/** A policy refusal as the error the caller gets. */
final class Refusals {
  private Refusals() {}

  /** About a video reached by its id: not found is VIDEO_NOT_FOUND. */
  static ApiException forVideo(EngagementPolicy.Refusal refusal) {
    return switch (refusal.kind()) {
      case NOT_FOUND -> videoNotFound();
      case FORBIDDEN -> new ApiException(ErrorCode.FORBIDDEN, refusal.message());
      case CONFLICT -> new ApiException(ErrorCode.CONFLICT, refusal.message());
    };
  }

  /**
   * About a comment reached by its id: a video the caller may not see hides its comments, answered
   * exactly like a comment id that does not exist.
   */
  static ApiException forComment(EngagementPolicy.Refusal refusal) {
    return refusal.kind() == EngagementPolicy.Kind.NOT_FOUND
        ? commentNotFound()
        : forVideo(refusal);
  }

  static ApiException videoNotFound() {
    return new ApiException(ErrorCode.VIDEO_NOT_FOUND, "There is no such video");
  }

  static ApiException commentNotFound() {
    return new ApiException(ErrorCode.NOT_FOUND, "There is no such comment");
  }
}
