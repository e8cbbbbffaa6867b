package dev.kinora.discovery;

import java.time.Instant;
import java.util.Map;

/** Port: the views counted in one hour, per video (the trending job's input). */
interface ViewBucketReader {

  /** Views per video id in the hour starting at {@code hour}; empty for an hour without views. */
  Map<String, Long> views(Instant hour);
}
