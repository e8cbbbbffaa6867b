package dev.kinora.transcode.mediaconvert;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.HttpClients;
import dev.kinora.shared.aws.S3Clients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.transcode.DynamoVideoStatusStore;
import dev.kinora.transcode.GuardedStatusPublisher;
import dev.kinora.transcode.LoggingStatusPublisher;
import dev.kinora.transcode.MediaFiles;
import dev.kinora.transcode.ObjectStorage;
import dev.kinora.transcode.S3ObjectStorage;
import dev.kinora.transcode.WebSocketStatusPublisher;
import dev.kinora.transcode.ffmpeg.TranscodeSettings;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;

/**
 * Plain constructors for the MediaConvert side, once per container: the backend the transcode
 * function uses when {@code TRANSCODE_BACKEND=mediaconvert}, and the events function's finisher.
 * Configuration: {@code MEDIACONVERT_ROLE_ARN}, {@code KINORA_STACK}, optional {@code
 * MEDIACONVERT_ENDPOINT} and {@code MEDIACONVERT_QUEUE} (backend); {@code VIDEOS_TABLE} and {@code
 * MEDIA_BUCKET} (finisher: the poster is copied there).
 */
public final class MediaConvertWiring {
  private final Config config;
  private final Clock clock = Clock.systemUTC();
  private final Limits limits = Contract.load().limits();

  private MediaConvertWiring(Config config) {
    this.config = config;
  }

  public static MediaConvertWiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static MediaConvertWiring from(Config config) {
    return new MediaConvertWiring(config);
  }

  /** The backend: submits the standard ladder as one MediaConvert job. */
  public MediaConvertBackend backend() {
    MediaConvertSettings settings = MediaConvertSettings.from(config);
    return new MediaConvertBackend(
        client(config, settings), LadderSpec.from(TranscodeSettings.load()), settings);
  }

  /** The events function's service: job state change → ready or failed. */
  public MediaConvertJobFinisher finisher() {
    var storage = new S3ObjectStorage(S3Clients.s3(config));
    String mediaBucket = config.require("MEDIA_BUCKET");
    return new MediaConvertJobFinisher(
        new DynamoVideoStatusStore(
            AwsClients.dynamoDb(config), config.require("VIDEOS_TABLE"), clock),
        posterCopy(storage, mediaBucket, new MediaFiles(limits.media())),
        new GuardedStatusPublisher(
            WebSocketStatusPublisher.fromConfig(config, limits, clock)
                .orElseGet(LoggingStatusPublisher::new),
            clock,
            limits.transcodeJob().progressInterval()),
        LadderSpec.from(TranscodeSettings.load()),
        limits.video().idLength());
  }

  /**
   * Like {@link AwsClients}: the JDK HTTP client, region and credentials from Config (the local
   * cloud hands them over that way); the endpoint is the account's MediaConvert endpoint if one is
   * configured, else the SDK's regional one.
   */
  static MediaConvertClient client(Config config, MediaConvertSettings settings) {
    var builder =
        MediaConvertClient.builder()
            .httpClient(HttpClients.urlConnection())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")));
    settings.endpoint().ifPresent(builder::endpointOverride);
    var accessKey = config.find("AWS_ACCESS_KEY_ID");
    var secretKey = config.find("AWS_SECRET_ACCESS_KEY");
    if (accessKey.isPresent() && secretKey.isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              config
                  .find("AWS_SESSION_TOKEN")
                  .<AwsCredentials>map(
                      token ->
                          AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token))
                  .orElseGet(() -> AwsBasicCredentials.create(accessKey.get(), secretKey.get()))));
    }
    return builder.build();
  }

  /**
   * Publishes the chosen frame capture as the poster. MediaConvert stores its captures without
   * Cache-Control; the poster is stored with its own (short: it moves when the video turns
   * private).
   */
  public static MediaConvertJobFinisher.MediaCopy posterCopy(
      ObjectStorage storage, String mediaBucket, MediaFiles mediaFiles) {
    return (fromKey, toKey) ->
        storage.copy(
            mediaBucket,
            fromKey,
            toKey,
            "image/jpeg",
            mediaFiles.cacheControl(toKey.substring(toKey.lastIndexOf('/') + 1)));
  }
}
