package dev.kinora.transcode.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

/**
 * What the rules need to know about a source before any ffmpeg code reads it: its size, its first
 * bytes, and whether an MP4/QuickTime box claims more bytes than the file has.
 */
record SourceFile(long size, byte[] head, boolean isoBoxCut) {
  static final int HEAD_BYTES = 4096;

  /** Top-level box types of ISO BMFF (MP4, MOV, 3GP) files; anything else is not such a file. */
  private static final Set<String> ISO_TOP_LEVEL_BOXES =
      Set.of(
          "ftyp", "moov", "mdat", "free", "skip", "wide", "uuid", "pnot", "meta", "moof", "mfra",
          "sidx", "styp", "pdin", "prft", "emsg", "junk");

  static SourceFile read(Path source) throws IOException {
    long size = Files.size(source);
    byte[] head;
    try (InputStream in = Files.newInputStream(source)) {
      head = in.readNBytes(HEAD_BYTES);
    }
    return new SourceFile(size, head, size > 0 && isoBoxCut(source, size));
  }

  /**
   * Walks the top-level boxes of an ISO BMFF file: a box that ends past the end of the file means
   * the upload was cut short, even when the index (moov) came first and ffprobe still opens it.
   * Returns false for files that are not ISO BMFF.
   */
  private static boolean isoBoxCut(Path source, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
      long offset = 0;
      ByteBuffer header = ByteBuffer.allocate(16);
      boolean first = true;
      while (offset < size) {
        header.clear();
        header.limit((int) Math.min(16, size - offset));
        channel.read(header, offset);
        if (header.position() < 8) {
          return !first;
        }
        long boxSize = Integer.toUnsignedLong(header.getInt(0));
        String type =
            new String(
                Arrays.copyOfRange(header.array(), 4, 8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!ISO_TOP_LEVEL_BOXES.contains(type)) {
          return false;
        }
        first = false;
        if (boxSize == 1) {
          if (header.position() < 16) {
            return true;
          }
          boxSize = header.getLong(8);
        } else if (boxSize == 0) {
          return false; // the box runs to the end of the file by definition
        }
        if (boxSize < 8) {
          return false;
        }
        offset += boxSize;
      }
      return offset > size;
    }
  }

  /** Whether the file begins like an MP4/QuickTime file (a known top-level box). */
  boolean startsWithIsoBox() {
    return head.length >= 8
        && ISO_TOP_LEVEL_BOXES.contains(
            new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  boolean startsWith(String text) {
    byte[] prefix = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int start = startOfText();
    if (head.length - start < prefix.length) {
      return false;
    }
    return Arrays.equals(head, start, start + prefix.length, prefix, 0, prefix.length);
  }

  /**
   * Text files (including playlists) carry no NUL bytes and few control characters; every container
   * we accept has NUL bytes in its first few bytes (box and element sizes).
   */
  boolean looksLikeText() {
    int control = 0;
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
      if ((b & 0xFF) < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control * 20 < Math.max(1, head.length);
  }

  private int startOfText() {
    int start = 0;
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    while (start < head.length && Character.isWhitespace(head[start])) {
      start++;
    }
    return start;
  }
}
