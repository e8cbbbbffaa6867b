package dev.kinora.local.resources;

/**
 * A resource the local cloud created from the template.
 *
 * @param name the physical name (table name, queue name, bucket name, function name)
 * @param arn its ARN, shaped like the real one
 * @param url the queue URL for queues, the endpoint URL of the object for buckets, else null
 */
public record PhysicalResource(
    String logicalId, String type, String name, String arn, String url) {}
