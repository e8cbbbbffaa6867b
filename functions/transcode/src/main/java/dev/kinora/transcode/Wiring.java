package dev.kinora.transcode;

import dev.kinora.shared.aws.AwsClients;
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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Plain constructors, once per container. Configuration (template.yaml): {@code VIDEOS_TABLE},
 * {@code MEDIA_BUCKET}, {@code TRANSCODE_BACKEND} ({@code ffmpeg}, the default, or {@code
 * mediaconvert}: see {@link MediaConvertWiring}) and {@code FFMPEG_BIN_DIR} ({@code /opt/bin}: the
 * ffmpeg layer).
 */
public final class Wiring {
  private final Config config;
  private final Clock clock = Clock.systemUTC();
  private final Limits limits = Contract.load().limits();
  private final StatusPublisher publisher;
  private TranscodeBackend backend;
  private S3Client s3;

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
        new DynamoVideoStatusStore(
            AwsClients.dynamoDb(config), config.require("VIDEOS_TABLE"), clock),
        backend,
        publisher,
        mediaBucket,
        limits.transcodeJob().maxAttempts());
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
    var binaries = FfmpegBinaries.fromDirectory(Path.of(config.get("FFMPEG_BIN_DIR", "/opt/bin")));
    var transcode = limits.transcode();
    var storage = new S3ObjectStorage(s3());
    return new FfmpegBackend(
        storage,
        FfmpegEngine.of(
            new Probe(binaries, transcode.probeTimeout()),
            new HlsTranscoder(binaries, transcode.ffmpegTimeout())),
        new MediaUploader(
            storage, new MediaFiles(limits.media()), limits.transcodeJob().uploadConcurrency()),
        publisher,
        Path.of(System.getProperty("java.io.tmpdir")),
        limits.transcodeJob());
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
              .httpClient(UrlConnectionHttpClient.create())
              .region(Region.of(config.get("AWS_REGION", "us-east-1")))
              // Checksums only where S3 requires them: the local S3 predates the new defaults.
              .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
              .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
      config
          .find("AWS_ENDPOINT_URL_S3")
          .map(URI::create)
          .ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
      var accessKey = config.find("AWS_ACCESS_KEY_ID");
      var secretKey = config.find("AWS_SECRET_ACCESS_KEY");
      if (accessKey.isPresent() && secretKey.isPresent()) {
        var token = config.find("AWS_SESSION_TOKEN");
        builder.credentialsProvider(
            StaticCredentialsProvider.create(
                token.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get())));
      }
      s3 = builder.build();
    }
    return s3;
  }
}
