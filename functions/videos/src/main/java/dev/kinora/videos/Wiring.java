package dev.kinora.videos;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Plain constructors, once per container. Configuration (template.yaml gives it): {@code
 * VIDEOS_TABLE}, {@code ACCOUNTS_TABLE} (channels, read only), {@code WATCH_PROGRESS_TABLE}, {@code
 * VIEW_MARKERS_TABLE}, {@code MEDIA_BUCKET}, {@code RAW_BUCKET}.
 */
public final class Wiring {
  private final Config config;
  private final Limits limits = Contract.load().limits();
  private final DynamoDbClient dynamoDb;
  private VideoService videoService;

  private Wiring(Config config) {
    this.config = config;
    this.dynamoDb = AwsClients.dynamoDb(config);
  }

  public static Wiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static Wiring from(Config config) {
    return new Wiring(config);
  }

  public Limits limits() {
    return limits;
  }

  /** Signed cookies for the CDN's media behaviour; disabled without a key (the local cloud). */
  public MediaCookies mediaCookies() {
    return MediaCookies.of(
        config.find("MEDIA_KEY_PAIR_ID").orElse(""),
        config.find("MEDIA_SIGNING_KEY").orElse(""),
        limits.media().signedCookieTtl());
  }

  public synchronized VideoService videoService() {
    if (videoService == null) {
      String videos = config.require("VIDEOS_TABLE");
      videoService =
          new VideoService(
              new DynamoVideoStore(dynamoDb, videos),
              new DynamoChannelDirectory(dynamoDb, config.require("ACCOUNTS_TABLE")),
              new DynamoWatchProgressStore(dynamoDb, config.require("WATCH_PROGRESS_TABLE")),
              new DynamoViewLedger(dynamoDb, config.require("VIEW_MARKERS_TABLE"), videos),
              new S3MediaStore(s3(), config.require("MEDIA_BUCKET"), config.require("RAW_BUCKET")),
              new ViewRule(limits.view().minWatchSeconds(), limits.view().minWatchFraction()),
              limits.view().dedupWindow(),
              Clock.systemUTC());
    }
    return videoService;
  }

  /**
   * Like {@link AwsClients#dynamoDb}: URL connection HTTP client, region, credentials and endpoint
   * from Config; path-style when an endpoint is configured (the local S3 has no virtual hosts).
   */
  private S3Client s3() {
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
    return builder.build();
  }
}
