package dev.kinora.transcode;

/**
 * Where a job reads and writes.
 *
 * @param mediaPrefix {@code media/{videoId}/}: every output key starts with it
 */
public record TranscodeJob(
    String videoId,
    String sourceBucket,
    String sourceKey,
    String mediaBucket,
    String mediaPrefix) {}
