package dev.kinora.uploads;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.HttpClients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.ratelimit.DynamoRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Plain constructors, once per container. Configuration: {@code UPLOADS_TABLE}, {@code
 * VIDEOS_TABLE}, {@code RAW_BUCKET}, {@code RATE_LIMITS_TABLE} (template.yaml; the expiry job has
 * no rate-limits table), and {@code AWS_ENDPOINT_URL_S3} locally: then S3 is addressed path-style
 * at that endpoint, which is also the host the presigned part URLs name (the browser reaches it
 * directly).
 */
public final class Wiring {
  private final Config config;
  private final Clock clock;
  private final Limits limits = Contract.load().limits();
  private UploadService uploadService;

  private Wiring(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public static Wiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static Wiring from(Config config) {
    return new Wiring(config, Clock.systemUTC());
  }

  public synchronized UploadService uploadService() {
    if (uploadService == null) {
      DynamoDbClient dynamoDb = AwsClients.dynamoDb(config);
      uploadService =
          new UploadService(
              new DynamoUploadStore(
                  dynamoDb,
                  config.require("UPLOADS_TABLE"),
                  config.require("VIDEOS_TABLE"),
                  limits.upload().sessionTtl()),
              new S3MultipartStorage(s3(), presigner(), config.require("RAW_BUCKET")),
              new RateLimiter(limits, rateLimitCounter(dynamoDb), clock),
              limits,
              new SecureRandom(),
              clock);
    }
    return uploadService;
  }

  /**
   * The expiry job never rate-limits, so its function has neither the table nor access to it; only
   * a request path that counts needs {@code RATE_LIMITS_TABLE}.
   */
  private RateLimitCounter rateLimitCounter(DynamoDbClient dynamoDb) {
    return config
        .find("RATE_LIMITS_TABLE")
        .<RateLimitCounter>map(table -> new DynamoRateLimitCounter(dynamoDb, table))
        .orElse(
            (key, expiresAt) -> {
              throw new IllegalStateException(
                  "RATE_LIMITS_TABLE is not configured for this function");
            });
  }

  private S3Client s3() {
    var builder =
        S3Client.builder()
            .httpClient(HttpClients.urlConnection())
            .region(region())
            // Checksums only where S3 requires them: the local S3 server predates the SDK's
            // default CRC32 trailers, and multipart parts are checked by size and ETag anyway.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    endpoint().ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
    credentials().map(StaticCredentialsProvider::create).ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  private S3Presigner presigner() {
    var builder = S3Presigner.builder().region(region());
    endpoint()
        .ifPresent(
            uri ->
                builder
                    .endpointOverride(uri)
                    .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    credentials().map(StaticCredentialsProvider::create).ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  private Region region() {
    return Region.of(config.get("AWS_REGION", "us-east-1"));
  }

  private Optional<URI> endpoint() {
    return config.find("AWS_ENDPOINT_URL_S3").map(URI::create);
  }

  /** From Config like {@link AwsClients}: the local cloud passes them there, not in the env. */
  private Optional<AwsCredentials> credentials() {
    var accessKey = config.find("AWS_ACCESS_KEY_ID");
    var secretKey = config.find("AWS_SECRET_ACCESS_KEY");
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        config
            .find("AWS_SESSION_TOKEN")
            .<AwsCredentials>map(
                token -> AwsSessionCredentials.create(accessKey.get(), secretKey.get(), token))
            .orElseGet(() -> AwsBasicCredentials.create(accessKey.get(), secretKey.get())));
  }
}
