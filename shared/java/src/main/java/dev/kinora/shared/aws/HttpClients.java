package dev.kinora.shared.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The HTTP client every SDK client of Kinora uses: the JDK's URL connection client (fast cold
 * start), with its connection failures handed to the SDK's retry policy.
 *
 * <p>SDK 2.40's URL connection client throws an {@link UncheckedIOException} when a request cannot
 * be sent or its answer not opened — e.g. when a server closed the kept-alive connection the client
 * was reusing ("Unexpected end of file from server" while waiting for 100 Continue). The retry
 * stage only retries {@link IOException}s, so that one failure reached the caller: an S3 PUT failed
 * a fresh-clone test run. Unwrapped, it is retried on a new connection like any other connection
 * failure (aws-sdk-java-v2#7347 fixes this inside the SDK by 2.57.8; this repository's Maven mirror
 * has no MediaConvert client of that line). Retried writes are safe: every write of Kinora is
 * idempotent or conditional.
 */
public final class HttpClients {
  private HttpClients() {}

  /** A new client; each SDK client gets its own, like {@code UrlConnectionHttpClient.create()}. */
  public static SdkHttpClient urlConnection() {
    return new RetryableFailures(UrlConnectionHttpClient.create());
  }

  private record RetryableFailures(SdkHttpClient delegate) implements SdkHttpClient {
    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      ExecutableHttpRequest prepared = delegate.prepareRequest(request);
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          try {
            return prepared.call();
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        }

        @Override
        public void abort() {
          prepared.abort();
        }
      };
    }

    @Override
    public String clientName() {
      return delegate.clientName();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
