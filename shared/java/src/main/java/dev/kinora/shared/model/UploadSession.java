package dev.kinora.shared.model;

import java.time.Instant;
import java.util.List;

/**
 * An upload session as the API returns it (schema {@code UploadSession}). {@code uploadedChunks}
 * lists the 1-based part numbers the storage already holds; {@code videoId} is reserved at init.
 */
public record UploadSession(
    String id,
    String ownerId,
    String videoId,
    String filename,
    long fileSize,
    String mimeType,
    long chunkSize,
    int totalChunks,
    List<Integer> uploadedChunks,
    UploadStatus status,
    Instant expiresAt,
    Instant createdAt) {

  public UploadSession {
    uploadedChunks = List.copyOf(uploadedChunks);
  }
}
