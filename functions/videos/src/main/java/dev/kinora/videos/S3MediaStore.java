package dev.kinora.videos;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The media bucket's {@code media/{id}/} prefix (renditions, poster, storyboard) and the raw
 * bucket's original. Listing pages hold at most 1000 keys, the most one {@code DeleteObjects}
 * takes.
 */
public final class S3MediaStore implements MediaStore {
  private final S3Client s3;
  private final String mediaBucket;
  private final String rawBucket;

  public S3MediaStore(S3Client s3, String mediaBucket, String rawBucket) {
    this.s3 = s3;
    this.mediaBucket = mediaBucket;
    this.rawBucket = rawBucket;
  }

  @Override
  public void deleteMedia(String videoId) {
    String prefix = "media/" + videoId + "/";
    for (var page : s3.listObjectsV2Paginator(r -> r.bucket(mediaBucket).prefix(prefix))) {
      List<ObjectIdentifier> keys =
          page.contents().stream()
              .map(S3Object::key)
              .map(key -> ObjectIdentifier.builder().key(key).build())
              .toList();
      if (!keys.isEmpty()) {
        s3.deleteObjects(
            r -> r.bucket(mediaBucket).delete(Delete.builder().objects(keys).quiet(true).build()));
      }
    }
  }

  @Override
  public boolean copyMediaObject(String fromKey, String toKey) {
    try {
      s3.copyObject(
          r ->
              r.sourceBucket(mediaBucket)
                  .sourceKey(fromKey)
                  .destinationBucket(mediaBucket)
                  .destinationKey(toKey));
      return true;
    } catch (NoSuchKeyException missing) {
      return false;
    }
  }

  @Override
  public void deleteMediaObject(String key) {
    s3.deleteObject(r -> r.bucket(mediaBucket).key(key));
  }

  @Override
  public void deleteSource(String sourceKey) {
    if (sourceKey != null) {
      s3.deleteObject(r -> r.bucket(rawBucket).key(sourceKey));
    }
  }
}
