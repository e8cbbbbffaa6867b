package dev.kinora.shared.aws;

import dev.kinora.shared.config.Config;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 clients built from {@link Config} like {@link AwsClients}, in a class of their own so that a
 * function without the optional {@code s3} SDK module (or a handler that never touches S3, like the
 * session authorizer) never loads S3 types.
 */
public final class S3Clients {
  private S3Clients() {}

  /**
   * An S3 client; {@code AWS_ENDPOINT_URL_S3} (the local cloud) overrides the endpoint and switches
   * to path-style addressing. Checksums only where S3 requires them: the local S3 server predates
   * the SDK's default CRC32 trailers. Needs the {@code s3} SDK module on the function's classpath.
   */
  public static S3Client s3(Config config) {
    var builder =
        S3Client.builder()
            .httpClient(HttpClients.urlConnection())
            .region(Region.of(config.get("AWS_REGION", "us-east-1")))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    s3Endpoint(config).ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
    AwsClients.credentials(config)
        .map(StaticCredentialsProvider::create)
        .ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  /**
   * A presigner for URLs the browser uses directly: on AWS the regional virtual-hosted endpoint,
   * locally the {@code AWS_ENDPOINT_URL_S3} server, path-style.
   */
  public static S3Presigner presigner(Config config) {
    var builder = S3Presigner.builder().region(Region.of(config.get("AWS_REGION", "us-east-1")));
    s3Endpoint(config)
        .ifPresent(
            uri ->
                builder
                    .endpointOverride(uri)
                    .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    AwsClients.credentials(config)
        .map(StaticCredentialsProvider::create)
        .ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  private static Optional<URI> s3Endpoint(Config config) {
    return config.find("AWS_ENDPOINT_URL_S3").map(URI::create);
  }
}
