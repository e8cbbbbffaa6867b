package dev.kinora.uploads;

import dev.kinora.shared.model.UploadStatus;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoMetadata;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** UploadStore in memory, with the same conditions as the DynamoDB adapter. */
final class InMemoryUploadStore implements UploadStore {
  private final Map<String, Upload> uploads = new HashMap<>();
  private final Map<String, Video> videos = new HashMap<>();
  private final Map<String, String> videoOwners = new HashMap<>();
  private final Map<String, Instant> completedAt = new HashMap<>();

  @Override
  public synchronized void create(Upload upload, String placeholderTitle, Instant now) {
    if (uploads.containsKey(upload.id()) || videos.containsKey(upload.videoId())) {
      throw new IllegalStateException("id collision");
    }
    uploads.put(upload.id(), upload);
    videos.put(
        upload.videoId(),
        new Video(
            upload.videoId(),
            upload.channelId(),
            placeholderTitle,
            "",
            List.of(),
            List.of(),
            VideoVisibility.PRIVATE,
            VideoStatus.UPLOADING,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            0,
            null,
            now));
    videoOwners.put(upload.videoId(), upload.ownerId());
  }

  @Override
  public synchronized Optional<Upload> find(String uploadId) {
    return Optional.ofNullable(uploads.get(uploadId));
  }

  @Override
  public synchronized boolean complete(
      Upload upload, String ownerId, VideoMetadata metadata, Instant now) {
    Upload current = uploads.get(upload.id());
    Video video = videos.get(upload.videoId());
    if (current == null
        || current.status() != UploadStatus.ACTIVE
        || !current.ownerId().equals(ownerId)
        || !now.isBefore(current.expiresAt())
        || video == null
        || video.status() != VideoStatus.UPLOADING
        || !ownerId.equals(videoOwners.get(video.id()))) {
      return false;
    }
    uploads.put(upload.id(), with(current, UploadStatus.COMPLETED, false));
    completedAt.put(upload.id(), now);
    videos.put(
        video.id(),
        new Video(
            video.id(),
            video.channelId(),
            metadata.title(),
            metadata.description(),
            metadata.tags(),
            metadata.categories(),
            metadata.visibility(),
            VideoStatus.PROCESSING,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            0,
            null,
            video.createdAt()));
    return true;
  }

  @Override
  public synchronized void markAssembled(Upload upload, Instant now) {
    Upload current = uploads.get(upload.id());
    if (current.status() != UploadStatus.COMPLETED) {
      throw new IllegalStateException("not completed");
    }
    uploads.put(upload.id(), with(current, UploadStatus.COMPLETED, true));
  }

  @Override
  public synchronized boolean cancel(Upload upload, String ownerId, Instant now) {
    Upload current = uploads.get(upload.id());
    if (current == null
        || current.status() != UploadStatus.ACTIVE
        || !current.ownerId().equals(ownerId)) {
      return false;
    }
    return endWithoutVideo(current, UploadStatus.CANCELLED);
  }

  @Override
  public synchronized boolean expire(Upload upload, Instant now) {
    Upload current = uploads.get(upload.id());
    if (current == null || current.status() != UploadStatus.ACTIVE || !current.isPastExpiry(now)) {
      return false;
    }
    return endWithoutVideo(current, UploadStatus.EXPIRED);
  }

  private boolean endWithoutVideo(Upload current, UploadStatus status) {
    Video video = videos.get(current.videoId());
    if (video == null || video.status() != VideoStatus.UPLOADING) {
      return false;
    }
    uploads.put(current.id(), with(current, status, false));
    videos.remove(current.videoId());
    return true;
  }

  @Override
  public synchronized List<Upload> findDue(Instant now) {
    List<Upload> due = new ArrayList<>();
    for (Upload upload : uploads.values()) {
      boolean activeAndDue = upload.status() == UploadStatus.ACTIVE && upload.isPastExpiry(now);
      boolean unassembled =
          upload.status() == UploadStatus.COMPLETED
              && !upload.assembled()
              && !completedAt.get(upload.id()).isAfter(now);
      if (activeAndDue || unassembled) {
        due.add(upload);
      }
    }
    due.sort(Comparator.comparing(Upload::expiresAt));
    return due;
  }

  @Override
  public synchronized Optional<Video> findVideo(String videoId) {
    return Optional.ofNullable(videos.get(videoId));
  }

  @Override
  public synchronized void failVideo(String videoId, String reason, Instant now) {
    Video v = videos.get(videoId);
    if (v == null || v.status() != VideoStatus.PROCESSING) {
      return;
    }
    videos.put(
        videoId,
        new Video(
            v.id(),
            v.channelId(),
            v.title(),
            v.description(),
            v.tags(),
            v.categories(),
            v.visibility(),
            VideoStatus.FAILED,
            reason,
            v.durationSeconds(),
            v.resolutions(),
            null,
            v.thumbnailUrl(),
            null,
            null,
            v.viewCount(),
            v.likeCount(),
            v.dislikeCount(),
            v.commentCount(),
            v.publishedAt(),
            v.createdAt()));
  }

  /** Moves the expiry, as if the session had been started long ago. */
  synchronized void setExpiresAt(String uploadId, Instant expiresAt) {
    Upload u = uploads.get(uploadId);
    uploads.put(
        uploadId,
        new Upload(
            u.id(),
            u.ownerId(),
            u.channelId(),
            u.videoId(),
            u.filename(),
            u.fileSize(),
            u.mimeType(),
            u.chunkSize(),
            u.totalChunks(),
            u.status(),
            u.sourceKey(),
            u.multipartUploadId(),
            u.createdAt(),
            expiresAt,
            u.assembled()));
  }

  private static Upload with(Upload u, UploadStatus status, boolean assembled) {
    return new Upload(
        u.id(),
        u.ownerId(),
        u.channelId(),
        u.videoId(),
        u.filename(),
        u.fileSize(),
        u.mimeType(),
        u.chunkSize(),
        u.totalChunks(),
        status,
        u.sourceKey(),
        u.multipartUploadId(),
        u.createdAt(),
        u.expiresAt(),
        assembled);
  }
}
