package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TranscodeHandlerTest {
  private static final String VIDEO = "Vid0000001a";
  private static final String RAW = "kinora-raw";
  private static final ReadyVideo READY =
      new ReadyVideo(
          List.of("720p", "360p"),
          12.5,
          "/media/" + VIDEO + "/poster-AAAAAAAAAAAAAAAAAAAAAA.jpg",
          "/media/" + VIDEO + "/master.m3u8",
          "/media/" + VIDEO + "/storyboard.jpg");

  private final InMemoryVideoStatusStore videos =
      new InMemoryVideoStatusStore().with(VIDEO, "processing");
  private final RecordingPublisher published = new RecordingPublisher();
  private final AtomicInteger backendCalls = new AtomicInteger();

  private TranscodeHandler handler(TranscodeBackend backend) {
    return handler(backend, published);
  }

  private TranscodeHandler handler(TranscodeBackend backend, StatusPublisher publisher) {
    TranscodeBackend counted =
        job -> {
          backendCalls.incrementAndGet();
          return backend.transcode(job);
        };
    var guarded = new GuardedStatusPublisher(publisher, Clock.systemUTC(), Duration.ofSeconds(1));
    return new TranscodeHandler(
        new RawUploadEvents(11), new TranscodeService(videos, counted, guarded, "kinora-media", 3));
  }

  private static SQSEvent uploaded(String messageId) {
    return SqsMessages.objectCreated(messageId, RAW, "raw/" + VIDEO + "/source");
  }

  private static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @Test
  void aProcessingVideoIsTranscodedIntoItsMediaPrefixAndBecomesReady() {
    var jobs = new java.util.ArrayList<TranscodeJob>();
    var response =
        handler(
                job -> {
                  jobs.add(job);
                  return new TranscodeOutcome.Finished(READY);
                })
            .handleRequest(uploaded("m1"), null);

    assertThat(failedIds(response)).isEmpty();
    assertThat(jobs)
        .containsExactly(
            new TranscodeJob(
                VIDEO,
                RAW,
                "raw/" + VIDEO + "/source",
                "kinora-media",
                "media/" + VIDEO + "/",
                jobs.getFirst().posterToken()));
    assertThat(jobs.getFirst().posterToken()).matches("[A-Za-z0-9_-]{22}");
    assertThat(videos.status(VIDEO)).contains("ready");
    assertThat(videos.ready(VIDEO)).isEqualTo(READY);
    assertThat(published.events)
        .containsExactly("started " + VIDEO, "completed " + VIDEO + " [720p, 360p]");
  }

  @Test
  void s3TestEventIsIgnored() {
    var response =
        handler(job -> new TranscodeOutcome.Finished(READY))
            .handleRequest(SqsMessages.sample("transcode-s3-test-event.json"), null);

    assertThat(failedIds(response)).isEmpty();
    assertThat(backendCalls).hasValue(0);
    assertThat(published.events).isEmpty();
  }

  @Test
  void redeliveredTranscodeMessageDoesNotTranscodeTwice() {
    var handler = handler(job -> new TranscodeOutcome.Finished(READY));

    handler.handleRequest(uploaded("m1"), null);
    var again = handler.handleRequest(uploaded("m1"), null);

    assertThat(failedIds(again)).isEmpty();
    assertThat(backendCalls).hasValue(1);
    assertThat(videos.readyWrites).hasValue(1);
  }

  @Test
  void anEventForAnUnknownVideoDoesNothing() {
    var response =
        handler(job -> new TranscodeOutcome.Finished(READY))
            .handleRequest(SqsMessages.sample("transcode-unknown-video.json"), null);

    assertThat(failedIds(response)).isEmpty();
    assertThat(backendCalls).hasValue(0);
  }

  @Test
  void aRejectedInputFailsTheVideoWithItsReasonAndIsNotRetried() {
    var response =
        handler(job -> new TranscodeOutcome.Rejected("The file has no video stream."))
            .handleRequest(uploaded("m1"), null);

    assertThat(failedIds(response)).as("deleted, not retried").isEmpty();
    assertThat(videos.status(VIDEO)).contains("failed");
    assertThat(videos.reason(VIDEO)).isEqualTo("The file has no video stream.");
    assertThat(published.events).contains("failed " + VIDEO + " The file has no video stream.");
  }

  @Test
  void anUnexpectedExceptionReportsTheMessageSoSqsRetriesIt() {
    var response =
        handler(
                job -> {
                  throw new IllegalStateException("S3 is having a bad day");
                })
            .handleRequest(uploaded("m-crash"), null);

    assertThat(failedIds(response)).containsExactly("m-crash");
    assertThat(videos.status(VIDEO)).as("left for the retry").contains("processing");
    assertThat(published.events).noneMatch(e -> e.startsWith("failed"));
  }

  @Test
  void aRetriedTranscodeWritesItsPosterUnderTheSameToken() {
    var tokens = new java.util.ArrayList<String>();
    var handler =
        handler(
            job -> {
              tokens.add(job.posterToken());
              if (tokens.size() == 1) {
                throw new IllegalStateException("the first attempt dies after its uploads");
              }
              return new TranscodeOutcome.Finished(READY);
            });

    handler.handleRequest(uploaded("m1"), null);
    handler.handleRequest(uploaded("m1"), null);

    assertThat(tokens).hasSize(2).doesNotContainNull();
    assertThat(tokens.get(1)).isEqualTo(tokens.get(0));
    assertThat(videos.status(VIDEO)).contains("ready");
  }

  @Test
  void onlyTheFailingMessageOfABatchIsRetried() {
    String other = "Vid0000002b";
    videos.with(other, "processing");
    var batch = uploaded("m-bad");
    batch
        .getRecords()
        .addAll(SqsMessages.objectCreated("m-good", RAW, "raw/" + other + "/source").getRecords());

    var response =
        handler(
                job -> {
                  if (job.videoId().equals(VIDEO)) {
                    throw new IllegalStateException("boom");
                  }
                  return new TranscodeOutcome.Finished(READY);
                })
            .handleRequest(batch, null);

    assertThat(failedIds(response)).containsExactly("m-bad");
    assertThat(videos.status(other)).contains("ready");
  }

  @Test
  void aPublisherFailureNeverFailsTheTranscode() {
    StatusPublisher broken =
        new StatusPublisher() {
          @Override
          public void started(String videoId) {
            throw new IllegalStateException("socket closed");
          }

          @Override
          public void progress(String videoId, String resolution, double percent) {
            throw new IllegalStateException("socket closed");
          }

          @Override
          public void completed(String videoId, ReadyVideo video) {
            throw new IllegalStateException("socket closed");
          }

          @Override
          public void failed(String videoId, String reason) {
            throw new IllegalStateException("socket closed");
          }
        };

    var response =
        handler(job -> new TranscodeOutcome.Finished(READY), broken)
            .handleRequest(uploaded("m1"), null);

    assertThat(failedIds(response)).isEmpty();
    assertThat(videos.status(VIDEO)).contains("ready");
  }

  @Test
  void aSubmittedJobLeavesTheVideoProcessing() {
    var response =
        handler(job -> new TranscodeOutcome.Submitted("job-1")).handleRequest(uploaded("m1"), null);

    assertThat(failedIds(response)).isEmpty();
    assertThat(videos.status(VIDEO)).contains("processing");
  }
}
