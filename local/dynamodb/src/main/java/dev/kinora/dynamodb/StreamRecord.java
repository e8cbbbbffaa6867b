package dev.kinora.dynamodb;

import java.time.Instant;

/**
 * One change to one item. Keys and images are DynamoDB JSON, e.g. {@code {"id":{"S":"x"}}}, so
 * consumers need no types from this module. Which images are present follows the table's
 * StreamViewType.
 *
 * @param eventName INSERT, MODIFY or REMOVE
 * @param oldImageJson the item before the change, or null
 * @param newImageJson the item after the change, or null
 * @param removedByTtl true when the TTL sweep deleted the item (the record's userIdentity is then
 *     {type: "Service", principalId: "dynamodb.amazonaws.com"})
 */
public record StreamRecord(
    String tableName,
    String eventName,
    String eventId,
    long sequenceNumber,
    Instant approximateCreationTime,
    String keysJson,
    String oldImageJson,
    String newImageJson,
    String streamViewType,
    boolean removedByTtl) {}
