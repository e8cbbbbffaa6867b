package dev.kinora.transcode.ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Moves fragmented-MP4 segments along the media timeline by rewriting their decode times in place:
 * {@code tfdt} (baseMediaDecodeTime) of every track fragment, and {@code sidx}'s earliest
 * presentation time when there is one. Needed for a long video's chunks: the static ffmpeg's HLS
 * muxer starts every fMP4 output at 0 whatever {@code -output_ts_offset} says, so a chunk's
 * segments would otherwise all claim to be the start of the video. Only the numbers change, never a
 * box size, so every offset inside the file ({@code trun} data offsets) stays valid.
 */
final class Fmp4Timeline {
  private static final Set<String> INIT_CONTAINERS = Set.of("moov", "trak", "mdia");

  private Fmp4Timeline() {}

  /** Track ID → media timescale (ticks per second), from an init segment's moov. */
  static Map<Integer, Long> timescales(Path init) throws IOException {
    Map<Integer, Long> timescales = new HashMap<>();
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(init));
    collectTracks(data, 0, data.limit(), timescales, new int[] {-1});
    if (timescales.isEmpty()) {
      throw new IOException(init + " declares no track");
    }
    return timescales;
  }

  private static void collectTracks(
      ByteBuffer data, int from, int to, Map<Integer, Long> timescales, int[] currentTrack)
      throws IOException {
    for (int at = from; at + 8 <= to; ) {
      long size = Integer.toUnsignedLong(data.getInt(at));
      String type = type(data, at);
      int header = 8;
      if (size == 1) {
        size = data.getLong(at + 8);
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header || at + size > to) {
        throw new IOException("damaged MP4 box " + type + " at " + at);
      }
      int body = at + header;
      if (INIT_CONTAINERS.contains(type)) {
        collectTracks(data, body, (int) (at + size), timescales, currentTrack);
      } else if (type.equals("tkhd")) {
        int version = data.get(body);
        currentTrack[0] = data.getInt(body + (version == 1 ? 20 : 12));
      } else if (type.equals("mdhd") && currentTrack[0] >= 0) {
        int version = data.get(body);
        timescales.put(
            currentTrack[0], Integer.toUnsignedLong(data.getInt(body + (version == 1 ? 20 : 12))));
      }
      at += (int) size;
    }
  }

  /** Adds {@code offsetSeconds} to every decode time in {@code segment}. */
  static void shift(Path segment, Map<Integer, Long> timescales, double offsetSeconds)
      throws IOException {
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(segment));
    shiftBoxes(data, 0, data.limit(), timescales, offsetSeconds, segment);
    Files.write(segment, data.array());
  }

  private static void shiftBoxes(
      ByteBuffer data,
      int from,
      int to,
      Map<Integer, Long> timescales,
      double offsetSeconds,
      Path segment)
      throws IOException {
    int track = -1;
    for (int at = from; at + 8 <= to; ) {
      long size = Integer.toUnsignedLong(data.getInt(at));
      String type = type(data, at);
      int header = 8;
      if (size == 1) {
        size = data.getLong(at + 8);
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header || at + size > to) {
        throw new IOException("damaged MP4 box " + type + " at " + at + " in " + segment);
      }
      int body = at + header;
      switch (type) {
        case "moof", "traf" ->
            shiftBoxes(data, body, (int) (at + size), timescales, offsetSeconds, segment);
        case "tfhd" -> track = data.getInt(body + 4);
        // tfdt: version/flags, then baseMediaDecodeTime.
        case "tfdt" ->
            add(data, body, body + 4, ticks(timescales, track, offsetSeconds, segment), segment);
        // sidx: version/flags, reference_ID, timescale, then earliest_presentation_time.
        case "sidx" -> {
          long timescale = Integer.toUnsignedLong(data.getInt(body + 8));
          add(data, body, body + 12, Math.round(offsetSeconds * timescale), segment);
        }
        default -> {}
      }
      at += (int) size;
    }
  }

  private static long ticks(
      Map<Integer, Long> timescales, int track, double offsetSeconds, Path segment)
      throws IOException {
    Long timescale = timescales.get(track);
    if (timescale == null) {
      throw new IOException(segment + ": track " + track + " is not in the init segment");
    }
    return Math.round(offsetSeconds * timescale);
  }

  /**
   * Adds {@code ticks} to the time at {@code timeAt} of a full box whose version byte is at {@code
   * versionAt}: 64 bits in version 1, 32 in version 0.
   */
  private static void add(ByteBuffer data, int versionAt, int timeAt, long ticks, Path segment)
      throws IOException {
    if (data.get(versionAt) == 1) {
      data.putLong(timeAt, data.getLong(timeAt) + ticks);
      return;
    }
    long shifted = Integer.toUnsignedLong(data.getInt(timeAt)) + ticks;
    if (shifted > 0xFFFF_FFFFL) {
      throw new IOException(segment + ": decode time overflows a version 0 box");
    }
    data.putInt(timeAt, (int) shifted);
  }

  private static String type(ByteBuffer data, int at) {
    if (at < 0 || at + 8 > data.limit()) {
      return "";
    }
    byte[] name = new byte[4];
    for (int i = 0; i < 4; i++) {
      name[i] = data.get(at + 4 + i);
    }
    return new String(name, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
