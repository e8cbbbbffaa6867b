package dev.kinora.discovery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The trending job's doorway ({@code TrendingFunction}, every 15 minutes). The schedule event's
 * content does not matter, so it is read as a plain map (typing it as {@code ScheduledEvent} would
 * make the runtime parse its time with Joda-Time for nothing).
 */
public final class TrendingJobHandler
    implements RequestHandler<Map<String, Object>, Map<String, Integer>> {
  private final TrendingJob job;

  public TrendingJobHandler() {
    this(Wiring.fromEnvironment().trendingJob());
  }

  TrendingJobHandler(TrendingJob job) {
    this.job = job;
  }

  @Override
  public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
    TrendingJob.Run run = job.run();
    var result =
        Map.of(
            "hoursRead", run.hoursRead(),
            "videosViewed", run.videosViewed(),
            "videosRanked", run.videosRanked(),
            "categories", run.categories(),
            "tags", run.tags());
    System.out.println("trending: " + result);
    return result;
  }
}
