package dev.kinora.transcode.ffmpeg;

/**
 * A caption track kept from the source: written as {@code captions/{language}.vtt} plus its
 * subtitle playlist {@code captions/{language}.m3u8} in the output directory.
 */
public record ExtractedCaption(String language, String label, boolean captions, int cueCount) {}
