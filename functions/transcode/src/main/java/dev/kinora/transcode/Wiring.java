package dev.kinora.transcode;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.HttpClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.transcode.ffmpeg.FfmpegBinaries;
import dev.kinora.transcode.ffmpeg.HlsTranscoder;
import dev.kinora.transcode.ffmpeg.Probe;
import dev.kinora.transcode.mediaconvert.MediaConvertWiring;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code VIDEOS_TABLE},
 * {@code MEDIA_BUCKET}, {@code TRANSCODE_BACKEND} ({@code ffmpeg}, the default, or {@code
 * mediaconvert}: see {@link MediaConvertWiring}) and {@code FFMPEG_BIN_DIR} ({@code /opt/bin}: the
 * ffmpeg layer). Long videos: {@code TRANSCODE_CHUNK_QUEUE_URL} (absent: never split), and, to
 * override limits.json {@code transcodeJob} (tests split a few seconds of video), {@code
 * TRANSCODE_CHUNK_SECONDS} and {@code TRANSCODE_SINGLE_JOB_BUDGET_SECONDS}.
 */
public final class Wiring {
  private final Config config;
  private final Clock clock = Clock.systemUTC();
  private final Limits limits = Contract.load().limits();
  private final StatusPublisher publisher;
  private TranscodeBackend backend;
  private S3Client s3;
  private VideoStatusStore videoStatusStore;

  private Wiring(Config config) {
    this.config = config;
    this.publisher =
        new GuardedStatusPublisher(
            WebSocketStatusPublisher.fromConfig(config, limits, clock)
                .orElseGet(LoggingStatusPublisher::new),
            clock,
            limits.transcodeJob().progressInterval());
  }

  public static Wiring fromEnvironment() {
    return new Wiring(Config.fromEnvironment());
  }

  /** A function's configuration handed over directly (cloud tests: the local cloud's). */
  static Wiring from(Config config) {
    return new Wiring(config);
  }

  public Limits limits() {
    return limits;
  }

  public RawUploadEvents rawUploadEvents() {
    return new RawUploadEvents(limits.video().idLength());
  }

  /** The service over the configured backend. */
  public TranscodeService transcodeService() {
    return transcodeService(backend());
  }

  /** The service over another backend (tests: one that crashes). */
  public TranscodeService transcodeService(TranscodeBackend backend) {
    return service(backend, config.require("MEDIA_BUCKET"));
  }

  /** The dead-letter side: it only fails videos, so it needs neither a backend nor media. */
  public TranscodeService deadLetterService() {
    return service(
        job -> {
          throw new IllegalStateException("the dead-letter consumer never transcodes");
        },
        null);
  }

  private TranscodeService service(TranscodeBackend backend, String mediaBucket) {
    return new TranscodeService(
        videoStatusStore(), backend, publisher, mediaBucket, limits.transcodeJob().maxAttempts());
  }

  private synchronized VideoStatusStore videoStatusStore() {
    if (videoStatusStore == null) {
      videoStatusStore =
          new DynamoVideoStatusStore(
              AwsClients.dynamoDb(config), config.require("VIDEOS_TABLE"), clock);
    }
    return videoStatusStore;
  }

  private ChunkLedger chunkLedger() {
    return new DynamoChunkLedger(
        AwsClients.dynamoDb(config), config.require("VIDEOS_TABLE"), clock);
  }

  /** TranscodeChunkQueue's side: encodes chunks and assembles finished long videos. */
  public ChunkWorker chunkWorker() {
    var binaries = ffmpegBinaries();
    var transcode = limits.transcode();
    var storage = new S3ObjectStorage(s3());
    var mediaFiles = new MediaFiles(limits.media());
    return new ChunkWorker(
        chunkLedger(),
        storage,
        new Probe(binaries, transcode.probeTimeout()),
        new HlsTranscoder(binaries, transcode.ffmpegTimeout(), HlsTranscoder.PassPlan.SINGLE_PASS),
        new MediaUploader(storage, mediaFiles, limits.transcodeJob().uploadConcurrency()),
        mediaFiles,
        transcodeService(
            job -> {
              throw new IllegalStateException("the chunk worker never transcodes a whole source");
            }),
        publisher,
        config.require("MEDIA_BUCKET"),
        Path.of(System.getProperty("java.io.tmpdir")),
        limits.transcodeJob(),
        transcode.ffmpegTimeout());
  }

  /** The chunking numbers of limits.json, or the environment's for tests. */
  ChunkPlanner.Settings chunkSettings() {
    var job = limits.transcodeJob();
    return new ChunkPlanner.Settings(
        job.ladderSpeed(),
        config.getInt("TRANSCODE_SINGLE_JOB_BUDGET_SECONDS", job.singleJobBudgetSeconds()),
        config.getInt("TRANSCODE_CHUNK_SECONDS", job.chunkSeconds()));
  }

  private FfmpegBinaries ffmpegBinaries() {
    return FfmpegBinaries.fromDirectory(Path.of(config.get("FFMPEG_BIN_DIR", "/opt/bin")));
  }

  public StatusPublisher publisher() {
    return publisher;
  }

  public synchronized TranscodeBackend backend() {
    if (backend == null) {
      String name = config.get("TRANSCODE_BACKEND", "ffmpeg");
      backend =
          switch (name) {
            case "ffmpeg" -> ffmpegBackend();
            case "mediaconvert" -> MediaConvertWiring.from(config).backend();
            default ->
                throw new IllegalStateException(
                    "TRANSCODE_BACKEND=" + name + " is not a backend this build has");
          };
    }
    return backend;
  }

  private FfmpegBackend ffmpegBackend() {
    var binaries = ffmpegBinaries();
    var transcode = limits.transcode();
    var storage = new S3ObjectStorage(s3());
    var transcoder = new HlsTranscoder(binaries, transcode.ffmpegTimeout());
    var uploader =
        new MediaUploader(
            storage, new MediaFiles(limits.media()), limits.transcodeJob().uploadConcurrency());
    ChunkPlanner planner =
        config
            .find("TRANSCODE_CHUNK_QUEUE_URL")
            .map(
                queueUrl ->
                    new ChunkPlanner(
                        transcoder,
                        storage,
                        uploader,
                        chunkLedger(),
                        new SqsChunkQueue(sqs(), queueUrl),
                        chunkSettings(),
                        transcode.ffmpegTimeout()))
            .orElse(null);
    return new FfmpegBackend(
        storage,
        FfmpegEngine.of(new Probe(binaries, transcode.probeTimeout()), transcoder),
        uploader,
        publisher,
        Path.of(System.getProperty("java.io.tmpdir")),
        limits.transcodeJob(),
        planner,
        (videoId, rungs, url) -> transcodeService(backend()).playable(videoId, rungs, url));
  }

  /** An SQS client like {@link AwsClients#dynamoDb}, for the chunk queue. */
  private SqsClient sqs() {
    var builder =
        SqsClient.builder()
            .httpClient(HttpClients.urlConnection())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")));
    config.find("AWS_ENDPOINT_URL_SQS").map(URI::create).ifPresent(builder::endpointOverride);
    credentials().ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  private java.util.Optional<StaticCredentialsProvider> credentials() {
    var accessKey = config.find("AWS_ACCESS_KEY_ID");
    var secretKey = config.find("AWS_SECRET_ACCESS_KEY");
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
      return java.util.Optional.empty();
    }
    var token = config.find("AWS_SESSION_TOKEN");
    return java.util.Optional.of(
        StaticCredentialsProvider.create(
            token.isPresent()
                ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token.get())
                : AwsBasicCredentials.create(accessKey.get(), secretKey.get())));
  }

  /**
   * An S3 client like {@link AwsClients#dynamoDb}: URL connection HTTP client, region, credentials
   * and endpoint from Config; path-style addressing when an endpoint is configured (the local
   * cloud's S3 has no virtual-host buckets).
   */
  synchronized S3Client s3() {
    if (s3 == null) {
      var builder =
          S3Client.builder()
              .httpClient(HttpClients.urlConnection())
              .region(Region.of(config.get("AWS_REGION", "us-east-1")))
              // Checksums only where S3 requires them: the local S3 predates the new defaults.
              .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
              .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
      config
          .find("AWS_ENDPOINT_URL_S3")
          .map(URI::create)
          .ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
      credentials().ifPresent(builder::credentialsProvider);
      s3 = builder.build();
    }
    return s3;
  }
}
