package dev.kinora.shared.aws;

import dev.kinora.shared.config.Config;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * SDK clients built from {@link Config}, once per container: the JDK's URL connection HTTP client
 * (no Netty or Apache client to load at cold start), region, credentials and endpoint from the
 * function's environment.
 *
 * <p>Credentials come from Config rather than the SDK's default chain because the local cloud gives
 * each function its environment through Config, not through the process environment; on Lambda the
 * same keys ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN})
 * are the execution role's credentials for the life of the container.
 */
public final class AwsClients {
  private AwsClients() {}

  /**
   * A DynamoDB client; {@code AWS_ENDPOINT_URL_DYNAMODB} (the local cloud) overrides the endpoint.
   */
  public static DynamoDbClient dynamoDb(Config config) {
    var builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")));
    config.find("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).ifPresent(builder::endpointOverride);
    credentials(config)
        .map(StaticCredentialsProvider::create)
        .ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  /**
   * An S3 client; {@code AWS_ENDPOINT_URL_S3} (the local cloud) overrides the endpoint and switches
   * to path-style addressing. Checksums only where S3 requires them: the local S3 server predates
   * the SDK's default CRC32 trailers. Needs the {@code s3} SDK module on the function's classpath.
   */
  public static S3Client s3(Config config) {
    var builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    s3Endpoint(config).ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
    credentials(config)
        .map(StaticCredentialsProvider::create)
        .ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  /**
   * A presigner for URLs the browser uses directly: on AWS the regional virtual-hosted endpoint,
   * locally the {@code AWS_ENDPOINT_URL_S3} server, path-style.
   */
  public static S3Presigner s3Presigner(Config config) {
    var builder = S3Presigner.builder().region(Region.of(config.get("AWS_REGION", "us-east-1")));
    s3Endpoint(config)
        .ifPresent(
            uri ->
                builder
                    .endpointOverride(uri)
                    .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    credentials(config)
        .map(StaticCredentialsProvider::create)
        .ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  private static Optional<URI> s3Endpoint(Config config) {
    return config.find("AWS_ENDPOINT_URL_S3").map(URI::create);
  }

  private static Optional<AwsCredentials> credentials(Config config) {
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
