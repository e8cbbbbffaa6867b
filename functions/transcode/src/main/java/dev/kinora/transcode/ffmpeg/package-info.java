/**
 * The ffmpeg engine: turns an uploaded original into an HLS ladder with the binaries of the ffmpeg
 * layer ({@code layers/ffmpeg}, {@code /opt/bin} on Lambda, {@code FFMPEG_BIN_DIR} locally).
 *
 * <ol>
 *   <li>{@link dev.kinora.transcode.ffmpeg.Probe}: the rules of {@code SourceRules} on the raw
 *       bytes (empty, a playlist or concat list or any text renamed to a video, an MP4 whose boxes
 *       run past the end of the file), then ffprobe's JSON against the media rules (a video stream,
 *       16–7680 pixels a side, a duration above 0 and within {@code transcode.maxDurationSeconds},
 *       a frame rate). Rotation (display matrix or {@code rotate} tag) and non-square pixels give
 *       the display size. Every reason is a sentence for the uploader ({@link
 *       dev.kinora.transcode.ffmpeg.RejectedMediaException}).
 *   <li>{@link dev.kinora.transcode.ffmpeg.Ladder}: every rung of limits.json {@code
 *       transcode.ladder} not above the source's short side, plus the source's own size (capped at
 *       the top rung) when it falls between rungs; portrait sources keep standing.
 *   <li>{@link dev.kinora.transcode.ffmpeg.HlsTranscoder}: the lowest rung alone first, reported
 *       ready with a master playlist listing it, then every other rung from one ffmpeg process
 *       ({@code split} + {@code scale} per rung); x264 at {@code transcode.x264Preset}, keyframes
 *       every {@code keyframeIntervalSeconds} on every rung ({@code -g}, {@code -keyint_min},
 *       {@code -sc_threshold 0}, {@code -force_key_frames}), AAC when the source has sound, fMP4
 *       segments, VOD playlists. The master's BANDWIDTH / AVERAGE-BANDWIDTH are measured from the
 *       segments written ({@link dev.kinora.transcode.ffmpeg.HlsVariant}), CODECS come from ffmpeg.
 *       A storyboard sprite is a by-product of the first pass; the poster is one seek. {@code
 *       bench/README.md} ({@code transcode}) has the measurements behind this order.
 * </ol>
 *
 * <p>Every ffmpeg and ffprobe call gets {@code -protocol_whitelist file} and a {@code
 * -format_whitelist} of the accepted containers ({@code SafeInput}), so no input can make ffmpeg
 * open a network address or follow a playlist to other files; every process runs under a timeout
 * that kills it, and its stderr is drained on its own thread.
 */
package dev.kinora.transcode.ffmpeg;
