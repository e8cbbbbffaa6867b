package dev.kinora.shared.model;

/** The caller's rating of a video with the video's counts (schema {@code Rating}). */
public record Rating(String videoId, RatingValue value, long likeCount, long dislikeCount) {}
