package dev.kinora.videos;

/**
 * Port: asks the CDN in front of the media bucket to stop serving its cached copy of a path. The
 * poster rotation needs it: once an object is deleted the origin answers 403/404, but an edge that
 * cached the old poster would otherwise go on serving it until the copy expires.
 */
public interface CdnInvalidation {

  /** Forgets {@code path} (e.g. {@code /media/{id}/poster-{token}.jpg}) at every edge. */
  void invalidate(String path);
}
