package dev.kinora.transcode.ffmpeg;

/** One rendition of the ladder, e.g. {@code 720p}: its frame size and bitrates. */
public record Rung(String name, int width, int height, int videoKbps, int audioKbps) {}
