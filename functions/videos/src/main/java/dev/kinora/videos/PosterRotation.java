package dev.kinora.videos;

import dev.kinora.shared.log.Log;
import dev.kinora.shared.media.PosterKeys;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;

/**
 * Moves a video's poster to a fresh unguessable key ({@link PosterKeys}) when the video becomes
 * private. The poster is the one media object the CDN serves without signed cookies, so a poster
 * URL learned while the video was public would otherwise keep working. The order keeps a poster
 * showing at every moment: copy to the new key, point the row at it, delete the old object, then
 * ask the CDN to forget the old path.
 */
final class PosterRotation {
  private static final System.Logger LOG = Log.logger(PosterRotation.class);

  private final VideoStore store;
  private final MediaStore media;
  private final CdnInvalidation cdn;

  PosterRotation(VideoStore store, MediaStore media, CdnInvalidation cdn) {
    this.store = store;
    this.media = media;
    this.cdn = cdn;
  }

  /** The video after its poster moved; unchanged when it has none (still processing). */
  StoredVideo rotate(StoredVideo video, Instant now) {
    Optional<String> oldKey = PosterKeys.keyOf(video.id(), video.thumbnailUrl());
    if (oldKey.isEmpty()) {
      return video;
    }
    String newKey = PosterKeys.key(video.id(), PosterKeys.newToken());
    if (!media.copyMediaObject(oldKey.get(), newKey)) {
      // Nothing is stored at the old key, so nothing can leak from it either.
      LOG.log(Level.WARNING, "video {0}: no poster at {1} to move", video.id(), oldKey.get());
      return video;
    }
    Optional<StoredVideo> moved =
        store.replaceThumbnail(video.id(), video.thumbnailUrl(), "/" + newKey, now);
    if (moved.isEmpty()) {
      // A concurrent edit moved it first (or the video was deleted): its key stands, ours goes.
      media.deleteMediaObject(newKey);
      return store.find(video.id()).orElse(video);
    }
    media.deleteMediaObject(oldKey.get());
    cdn.invalidate("/" + oldKey.get());
    LOG.log(Level.INFO, "video {0}: poster moved to a new key", video.id());
    return moved.get();
  }
}
