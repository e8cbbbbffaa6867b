package dev.kinora.videos.captions;

import dev.kinora.shared.model.CaptionKind;
import dev.kinora.shared.model.CaptionSource;
import dev.kinora.shared.model.CaptionTrack;
import java.time.Instant;

/** One entry of a video row's {@code captions} map (docs/data-model.md). */
public record StoredTrack(
    String language,
    String label,
    CaptionKind kind,
    CaptionSource source,
    int cueCount,
    Instant updatedAt) {

  /** The contract's {@code CaptionTrack}, with the CDN path of its WebVTT file. */
  public CaptionTrack toApi(String videoId) {
    return new CaptionTrack(
        language,
        label,
        kind,
        source,
        "/" + CaptionKeys.vtt(videoId, language),
        cueCount,
        updatedAt);
  }
}
