package dev.kinora.local.testing;

import dev.kinora.local.LocalCloud;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code -Dkinora.cloud=localstack}: DynamoDB, SQS and S3 from a LocalStack container; functions
 * and the front door still run in this JVM. Loaded only in that mode, so Testcontainers stays an
 * optional dependency.
 */
final class LocalStackTarget {
  static final String IMAGE = "localstack/localstack:4.4";

  private LocalStackTarget() {}

  /** Why LocalStack cannot run here, if it cannot (then tests are skipped, never failed). */
  static Optional<String> unavailable() {
    if (!present("org.testcontainers.DockerClientFactory")) {
      return Optional.of(
          "kinora.cloud=localstack needs org.testcontainers:localstack on the test classpath");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.of(
          "kinora.cloud=localstack: no Docker daemon reachable, so the LocalStack run of this test"
              + " is skipped (the embedded local cloud needs no Docker: drop -Dkinora.cloud)");
    }
    return Optional.empty();
  }

  @SuppressWarnings("resource") // closed with the cloud
  static void configure(LocalCloud.Builder builder) {
    LocalStackContainer localstack =
        new LocalStackContainer(DockerImageName.parse(IMAGE))
            .withServices(
                LocalStackContainer.Service.DYNAMODB,
                LocalStackContainer.Service.SQS,
                LocalStackContainer.Service.S3)
            .withEnv("SQS_ENDPOINT_STRATEGY", "path")
            .withEnv("DYNAMODB_REMOVE_EXPIRED_ITEMS", "1");
    localstack.start();
    builder.externalServices(
        localstack.getEndpointOverride(LocalStackContainer.Service.DYNAMODB),
        localstack.getEndpointOverride(LocalStackContainer.Service.SQS),
        localstack.getEndpointOverride(LocalStackContainer.Service.S3),
        localstack::stop);
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, LocalStackTarget.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
