package dev.kinora.local.services;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Passes every call to the real blob store and tells listeners about objects created or removed,
 * after the write succeeded — the same moment S3 emits its event notifications.
 */
public final class S3EventsBlobStore extends ForwardingBlobStore {
  private static final Logger LOG = LoggerFactory.getLogger(S3EventsBlobStore.class);

  private final List<Consumer<S3ObjectEvent>> listeners = new CopyOnWriteArrayList<>();

  S3EventsBlobStore(BlobStore delegate) {
    super(delegate);
  }

  /** Listeners run on the S3 request thread; keep them short (hand work to a queue). */
  public void addListener(Consumer<S3ObjectEvent> listener) {
    listeners.add(listener);
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
    PutObjectResponse response = super.putBlob(request, input);
    created("ObjectCreated:Put", request.bucket(), request.key());
    return response;
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    CopyObjectResponse response = super.copyBlob(request);
    created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
    return response;
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(
      MultipartUpload upload, CompleteMultipartUploadRequest request) {
    CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
    created("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName());
    return response;
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    DeleteObjectResponse response = super.removeBlob(request);
    publish(
        new S3ObjectEvent("ObjectRemoved:Delete", request.bucket(), request.key(), 0, "", now()));
    return response;
  }

  private void created(String eventName, String bucket, String key) {
    if (listeners.isEmpty()) {
      return;
    }
    var metadata = delegate().blobMetadataIfPresent(bucket, key);
    long size = metadata == null || metadata.contentLength() == null ? 0 : metadata.contentLength();
    String eTag =
        metadata == null || metadata.eTag() == null ? "" : metadata.eTag().replace("\"", "");
    publish(new S3ObjectEvent(eventName, bucket, key, size, eTag, now()));
  }

  private void publish(S3ObjectEvent event) {
    for (Consumer<S3ObjectEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn(
            "S3 event listener failed for {} {}/{}",
            event.eventName(),
            event.bucket(),
            event.key(),
            e);
      }
    }
  }

  private static Instant now() {
    return Instant.now();
  }
}
