package dev.kinora.transcode.mediaconvert;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The EventBridge target for "MediaConvert Job State Change" events of this stack's jobs (the rule
 * in template.yaml passes only the final states, COMPLETE, ERROR and CANCELED, of jobs whose user
 * metadata names this stack): finishes the video through {@link MediaConvertJobFinisher}.
 *
 * <p>A stream handler because the event's {@code detail} is a deep, status-dependent document that
 * the Lambda serializers would only hand over as untyped maps; it is read as a JSON tree instead.
 * An exception (DynamoDB unavailable) fails the invocation, and Lambda retries the asynchronous
 * event; the finisher's conditional writes make the retry safe.
 */
public final class MediaConvertEventsHandler implements RequestStreamHandler {
  private final MediaConvertJobFinisher finisher;

  /** The constructor Lambda calls. */
  public MediaConvertEventsHandler() {
    this(MediaConvertWiring.fromEnvironment().finisher());
  }

  MediaConvertEventsHandler(MediaConvertJobFinisher finisher) {
    this.finisher = finisher;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Log.invocation(context == null ? null : context.getAwsRequestId());
    var result = finisher.finish(JobStateChange.fromEvent(Json.mapper().readTree(input)));
    // EventBridge ignores the answer; it is written for ./kinora invoke and the logs.
    Json.mapper().writeValue(output, Map.of("result", describe(result)));
  }

  private static String describe(MediaConvertJobFinisher.Result result) {
    return switch (result) {
      case MediaConvertJobFinisher.Result.Ready ready -> "ready " + ready.videoId();
      case MediaConvertJobFinisher.Result.Failed failed -> "failed " + failed.videoId();
      case MediaConvertJobFinisher.Result.Ignored ignored -> "ignored: " + ignored.why();
    };
  }
}
