package dev.kinora.moderation;

import java.time.Instant;
import java.util.List;

/** One reported item in the queue (schema {@code ReportQueueEntry}). */
public record ReportQueueEntry(
    String targetKind,
    String targetId,
    String videoId,
    long openReports,
    List<String> reasons,
    Instant latestReportAt,
    String preview,
    String videoStatus) {

  public ReportQueueEntry withVideoStatus(String status) {
    return new ReportQueueEntry(
        targetKind, targetId, videoId, openReports, reasons, latestReportAt, preview, status);
  }
}
