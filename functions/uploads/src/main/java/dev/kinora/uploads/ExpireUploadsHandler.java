package dev.kinora.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.kinora.shared.log.Log;
import java.util.Map;

/**
 * The upload expiry job ({@code ExpireUploadsFunction}, every 15 minutes): expires active sessions
 * past their expiry, aborting their multipart uploads and deleting their reserved videos, and
 * finishes completions a crash interrupted. The event's content does not matter, so it is read as a
 * plain map: typing it as {@code ScheduledEvent} would make the runtime parse its {@code time} into
 * Joda-Time for nothing (and a minimized jar cannot).
 */
public final class ExpireUploadsHandler
    implements RequestHandler<Map<String, Object>, Map<String, Integer>> {
  private final UploadService uploads;

  public ExpireUploadsHandler() {
    this(Wiring.fromEnvironment().uploadService());
  }

  ExpireUploadsHandler(UploadService uploads) {
    this.uploads = uploads;
  }

  @Override
  public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
    Log.invocation(context == null ? null : context.getAwsRequestId());
    UploadService.ExpirySweep sweep = uploads.expireDue();
    var result =
        Map.of(
            "expired", sweep.expired(), "assembled", sweep.assembled(), "failed", sweep.failed());
    Log.info("upload expiry", result);
    return result;
  }
}
