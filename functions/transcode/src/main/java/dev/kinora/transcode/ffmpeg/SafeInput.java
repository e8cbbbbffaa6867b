package dev.kinora.transcode.ffmpeg;

import java.nio.file.Path;
import java.util.List;

/**
 * The input options every ffmpeg and ffprobe call gets, so that a hostile file can never steer
 * ffmpeg's I/O: only the {@code file} protocol (no http, tcp, …) and only the container demuxers we
 * accept (no hls, concat, … that would follow links to other files or hosts).
 */
final class SafeInput {
  /** The demuxers of the upload MIME types: MP4/MOV (one demuxer), Matroska/WebM, AVI. */
  static final String FORMAT_WHITELIST = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi";

  private SafeInput() {}

  /** The options before {@code -i}, then {@code -i file:<absolute path>}. */
  static List<String> of(Path source) {
    return List.of(
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        FORMAT_WHITELIST,
        "-i",
        "file:" + source.toAbsolutePath());
  }

  /** Like {@link #of(Path)}, forcing the demuxer ffprobe identified (first of its names). */
  static List<String> forcing(String probedFormat, Path source) {
    String demuxer = probedFormat.split(",")[0];
    return List.of(
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        FORMAT_WHITELIST,
        "-f",
        demuxer,
        "-i",
        "file:" + source.toAbsolutePath());
  }
}
