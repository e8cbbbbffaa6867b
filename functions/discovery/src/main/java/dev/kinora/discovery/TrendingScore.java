package dev.kinora.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The trending score (docs/discovery-ranking.md): every view decays with its age, halving every
 * {@code halfLifeHours}, and a video's likes and comments count like views but decay with the age
 * of the video itself:
 *
 * <pre>
 *   score = Σ_h views_h · ½^(age_h / T)  +  (likeWeight · likes + commentWeight · comments) · ½^(age / T)
 * </pre>
 *
 * where {@code age_h} is the age of the middle of hour bucket {@code h} and {@code age} the time
 * since publication. A burst of views now therefore outranks a larger total of views from days ago.
 */
record TrendingScore(double halfLifeHours, double likeWeight, double commentWeight) {

  static TrendingScore from(DiscoveryLimits.Trending limits) {
    return new TrendingScore(limits.halfLifeHours(), limits.likeWeight(), limits.commentWeight());
  }

  /** The weight of something {@code age} old: 1 now, ½ one half-life ago. */
  double decay(Duration age) {
    double hours = Math.max(0, age.toMillis()) / 3_600_000.0;
    return Math.pow(0.5, hours / halfLifeHours);
  }

  /**
   * @param viewsByHour views per hour bucket, keyed by the bucket's start
   * @param publishedAt null when unknown (then engagement counts as of now)
   */
  double score(
      Map<Instant, Long> viewsByHour, long likes, long comments, Instant publishedAt, Instant now) {
    double views = 0;
    for (Map.Entry<Instant, Long> bucket : viewsByHour.entrySet()) {
      Instant middle = bucket.getKey().plus(Duration.ofMinutes(30));
      views += bucket.getValue() * decay(Duration.between(middle, now));
    }
    double engagement = likeWeight * Math.max(0, likes) + commentWeight * Math.max(0, comments);
    Duration age = publishedAt == null ? Duration.ZERO : Duration.between(publishedAt, now);
    return views + engagement * decay(age);
  }
}
