package dev.kinora.shared.model;

/** What the player says it played of a video in this page view (schema {@code ViewRequest}). */
public record ViewRequest(double watchedSeconds) {}
