package dev.kinora.local.services;

import java.time.Instant;

/**
 * One object change in the local S3, named like S3 event notifications name them.
 *
 * @param eventName {@code ObjectCreated:Put}, {@code ObjectCreated:Copy}, {@code
 *     ObjectCreated:CompleteMultipartUpload} or {@code ObjectRemoved:Delete}
 * @param size object size in bytes (0 for removals)
 * @param eTag entity tag without quotes (empty for removals)
 */
public record S3ObjectEvent(
    String eventName, String bucket, String key, long size, String eTag, Instant time) {}
