package dev.kinora.local.services;

import dev.kinora.local.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3Proxy on loopback over a filesystem (persistent) or in-memory blob store, with AWS SigV2/V4
 * authentication for the local credentials. Every write goes through an {@link S3EventsBlobStore}
 * so the local cloud can emit S3 event notifications itself (S3Proxy answers 501 to bucket
 * notification configuration).
 */
public final class S3Server implements AutoCloseable {
  private static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "POST", "DELETE");

  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3EventsBlobStore blobStore;

  private S3Server(S3Proxy proxy, URI endpoint, S3EventsBlobStore blobStore) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.blobStore = blobStore;
  }

  /**
   * Starts S3Proxy.
   *
   * @param dataDir where objects live; null keeps them in memory
   * @param corsOrigins exact origins allowed to call S3 from a browser (presigned PUT/GET)
   */
  public static S3Server start(int requestedPort, Path dataDir, List<String> corsOrigins)
      throws Exception {
    BlobStore store;
    if (dataDir == null) {
      store = new TransientNio2BlobStore();
    } else {
      Files.createDirectories(dataDir);
      store = new FilesystemNio2BlobStore(dataDir.toString());
    }
    S3EventsBlobStore events = new S3EventsBlobStore(store);
    int port = FreePort.pick(requestedPort);
    URI endpoint = URI.create("http://" + LocalAws.HOST + ":" + port);
    List<String> originPatterns =
        corsOrigins.stream().map(o -> "*".equals(o) ? o : Pattern.quote(o)).toList();
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(events)
            .endpoint(endpoint)
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY)
            .corsRules(
                new CrossOriginResourceSharing(
                    originPatterns, METHODS, List.of("*"), List.of("ETag"), "false"))
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return new S3Server(proxy, endpoint, events);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Observe object writes and deletes (the seam for S3 event notifications). */
  public S3EventsBlobStore events() {
    return blobStore;
  }

  @Override
  public void close() throws IOException {
    try {
      proxy.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IOException("stopping S3Proxy failed", e);
    } finally {
      blobStore.close();
    }
  }
}
