package dev.kinora.local.services;

import dev.kinora.local.LocalAws;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ speaking the SQS JSON protocol on loopback. Region and account are set so queue ARNs
 * look like real ones ({@code arn:aws:sqs:us-east-1:000000000000:name}) and a template's {@code
 * RedrivePolicy} can name its dead-letter queue by ARN.
 */
public final class SqsServer implements AutoCloseable {
  private final SQSRestServer server;
  private final URI endpoint;

  private SqsServer(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  public static SqsServer start(int requestedPort) {
    int port = FreePort.pick(requestedPort);
    SQSRestServer server =
        SQSRestServerBuilder.withPort(port)
            .withInterface(LocalAws.HOST)
            .withServerAddress(new NodeAddress("http", LocalAws.HOST, port, ""))
            .withAWSRegion(LocalAws.REGION)
            .withAWSAccountId(LocalAws.ACCOUNT_ID)
            .start();
    server.waitUntilStarted();
    return new SqsServer(server, URI.create("http://" + LocalAws.HOST + ":" + port));
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The queue URL ElasticMQ answers for {@code name} (the same one GetQueueUrl returns). */
  public String queueUrl(String name) {
    return endpoint + "/" + LocalAws.ACCOUNT_ID + "/" + name;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
