package dev.kinora.search;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One VideosTable stream record: the row before and after (either may be null: inserted, removed).
 */
public record VideoChange(
    String videoId, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {}
