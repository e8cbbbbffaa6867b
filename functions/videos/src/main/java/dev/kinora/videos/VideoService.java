package dev.kinora.videos;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import java.util.Optional;

/** The videos context's rules: reading a video as a given caller. */
public final class VideoService {
  private final VideoStore store;

  public VideoService(VideoStore store) {
    this.store = store;
  }

  /**
   * The video {@code videoId} as {@code viewer} (empty when anonymous) may see it.
   *
   * @throws ApiException VIDEO_NOT_FOUND when it does not exist or the viewer may not see it: the
   *     two answers are identical, so probing ids reveals nothing
   */
  public StoredVideo find(String videoId, Optional<SessionUser> viewer) {
    String viewerId = viewer.map(SessionUser::userId).orElse(null);
    return store
        .find(videoId)
        .filter(video -> ViewingPolicy.decide(video, viewerId) instanceof ViewingPolicy.Allowed)
        .orElseThrow(VideoService::notFound);
  }

  static ApiException notFound() {
    return new ApiException(ErrorCode.VIDEO_NOT_FOUND, "There is no such video");
  }
}
