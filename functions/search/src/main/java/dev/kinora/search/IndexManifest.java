package dev.kinora.search;

import java.time.Instant;

/**
 * The small object that says which generation is current: the search function polls it (at most
 * every {@code search.refreshIntervalSeconds}) and loads a generation only when it changed.
 *
 * @param generation increases by one per publish
 * @param key the generation's object key
 * @param documents how many videos it holds
 * @param sizeBytes the generation's size
 */
public record IndexManifest(
    long generation, String key, int documents, long sizeBytes, Instant publishedAt) {}
