package dev.kinora.shared.model;

import java.util.List;

/** The part numbers the browser wants presigned URLs for (schema {@code UploadPartUrlsRequest}). */
public record UploadPartUrlsRequest(List<Integer> partNumbers) {

  public UploadPartUrlsRequest {
    partNumbers = List.copyOf(partNumbers);
  }
}
