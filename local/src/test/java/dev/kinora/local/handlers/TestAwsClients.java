package dev.kinora.local.handlers;

import dev.kinora.shared.config.Config;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How the test handlers build their SDK clients: from the function's own {@link Config} (region and
 * credentials), over the URL-connection HTTP client. Loaded, like the handlers, in each function's
 * class loader from the test classpath.
 */
public final class TestAwsClients {
  private TestAwsClients() {}

  /** A DynamoDB client for {@code AWS_ENDPOINT_URL_DYNAMODB}. */
  public static DynamoDbClient dynamoDb(Config config) {
    return client(DynamoDbClient.builder(), config, config.require("AWS_ENDPOINT_URL_DYNAMODB"));
  }

  /** Any synchronous client at {@code endpoint}, in {@code AWS_REGION}, with the static keys. */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, Config config, String endpoint) {
    return builder
        .endpointOverride(URI.create(endpoint))
        .region(Region.of(config.require("AWS_REGION")))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    config.require("AWS_ACCESS_KEY_ID"), config.require("AWS_SECRET_ACCESS_KEY"))))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
