package dev.kinora.videos;

import dev.kinora.shared.log.Log;
import java.lang.System.Logger.Level;

/**
 * The adapter for a front door that caches nothing (the local cloud reads the bucket on every
 * request), and for now also production's: the CloudFront SDK module ({@code
 * software.amazon.awssdk:cloudfront} at the project's BOM version) is not in the build yet, so an
 * edge may go on serving an old poster until its cached copy expires (docs/security-review.md). A
 * {@code CreateInvalidation} adapter replaces this one when that module is added.
 */
public final class UncachedCdnInvalidation implements CdnInvalidation {
  private static final System.Logger LOG = Log.logger(UncachedCdnInvalidation.class);

  @Override
  public void invalidate(String path) {
    LOG.log(Level.INFO, "no CDN invalidation configured; {0} expires from caches by itself", path);
  }
}
