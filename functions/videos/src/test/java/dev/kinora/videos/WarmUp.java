package dev.kinora.videos;

import dev.kinora.local.LocalCloud;

/**
 * The local runtime counts a function's cold start against its Timeout (Lambda gives init its own
 * budget), and on a busy build machine the first sign-up, authorizer and videos call can take
 * longer than that. Each is started once here, retried while it times out (500), so the tests
 * measure behaviour rather than the machine's load (the same as UploadsCloudTest's warm-up).
 */
final class WarmUp {
  private static boolean warm;

  private WarmUp() {}

  static synchronized void ensure(LocalCloud cloud) {
    if (warm) {
      return;
    }
    Browser browser = Browser.signedUp(cloud);
    for (int attempt = 1; attempt <= 4; attempt++) {
      if (browser.get("/api/v1/videos/Warmup00000").status() == 404
          && new Browser(cloud).get("/api/v1/videos/Warmup00000").status() == 404) {
        warm = true;
        return;
      }
    }
    throw new IllegalStateException("the videos function never answered in time");
  }
}
