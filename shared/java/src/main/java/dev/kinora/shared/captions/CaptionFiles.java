package dev.kinora.shared.captions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a caption file (WebVTT or SRT) and writes it back as clean WebVTT: BOM stripped, line
 * endings LF, cues sorted by start (SRT files are often out of order; overlapping cues are fine),
 * SRT's comma decimal separator turned into WebVTT's dot, NOTE/STYLE/REGION blocks dropped. Every
 * problem is reported with the line it is on ("line 12: …"), at most {@link #MAX_PROBLEMS} of them,
 * so an owner can fix a file in one go.
 */
public final class CaptionFiles {
  /** More problems than this are not listed: the file is probably not a caption file at all. */
  public static final int MAX_PROBLEMS = 20;

  /** The two formats an owner may upload. */
  public enum Format {
    VTT,
    SRT
  }

  /** One cue, times in milliseconds. */
  public record Cue(String id, long startMillis, long endMillis, String settings, String text) {}

  /** A problem, at a 1-based line (0: the file as a whole). */
  public record Problem(int line, String message) {
    public String describe() {
      return line > 0 ? "line " + line + ": " + message : message;
    }
  }

  /** What reading a file gave: the cues and their WebVTT text, or the problems. */
  public sealed interface Result {}

  /** A valid file: {@code vtt} is what gets published. */
  public record Parsed(List<Cue> cues, String vtt) implements Result {
    public long lastEndMillis() {
      return cues.stream().mapToLong(Cue::endMillis).max().orElse(0);
    }
  }

  /** An invalid file and why. */
  public record Invalid(List<Problem> problems) implements Result {}

  // hh:mm:ss.ttt or mm:ss.ttt (WebVTT: hours optional, at least two digits when present).
  private static final String VTT_TIME = "(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
  private static final Pattern VTT_TIMING =
      Pattern.compile("^" + VTT_TIME + "[ \\t]+-->[ \\t]+" + VTT_TIME + "(?:[ \\t]+(.*))?$");
  // SRT: hh:mm:ss,mmm (many tools write one-digit hours or a dot; both are accepted).
  private static final String SRT_TIME = "(\\d{1,3}):([0-5]\\d):([0-5]\\d)[,.](\\d{3})";
  private static final Pattern SRT_TIMING =
      Pattern.compile("^" + SRT_TIME + "[ \\t]+-->[ \\t]+" + SRT_TIME + "(?:[ \\t]+.*)?$");
  private static final Pattern SRT_INDEX = Pattern.compile("^\\d+$");
  private static final Pattern VTT_HEADER = Pattern.compile("^WEBVTT(?:[ \\t].*)?$");

  /**
   * What a cue block looks like in one format; {@link #readCues} reads the blocks of both.
   *
   * @param timing the timing line; groups 1–4 the start, 5–8 the end, 9 (if any) the settings
   * @param example a timing line, for the message when a block has none
   * @param shape the timestamps' shape, for the message when the timing line is malformed
   * @param skipped a block (by its first line) that holds no cue
   * @param identifier a first line that names the cue instead of timing it
   * @param keepsIdentifier whether that name is the cue's id (WebVTT) or dropped (SRT's numbers)
   */
  private record CueSyntax(
      Pattern timing,
      String example,
      String shape,
      Predicate<String> skipped,
      Predicate<String> identifier,
      boolean keepsIdentifier) {}

  private static final CueSyntax VTT_CUES =
      new CueSyntax(
          VTT_TIMING,
          "00:00:01.000 --> 00:00:02.000",
          "hh:mm:ss.ttt --> hh:mm:ss.ttt",
          first -> !first.contains("-->") && isNonCueBlock(first),
          first -> !first.contains("-->"),
          true);
  private static final CueSyntax SRT_CUES =
      new CueSyntax(
          SRT_TIMING,
          "00:00:01,000 --> 00:00:02,000",
          "hh:mm:ss,mmm --> hh:mm:ss,mmm",
          first -> false,
          first -> SRT_INDEX.matcher(first.strip()).matches(),
          false);

  private final int maxCues;

  public CaptionFiles(int maxCues) {
    this.maxCues = maxCues;
  }

  /**
   * Decodes bytes as strict UTF-8 (a leading BOM is dropped).
   *
   * @return the text, or empty when some byte sequence is not UTF-8
   */
  public static Optional<String> decodeUtf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(stripBom(text));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads {@code bytes}: invalid UTF-8 is a problem of its own, then {@link #read(String, Format)}.
   */
  public Result read(byte[] bytes, Format format) {
    return decodeUtf8(bytes)
        .<Result>map(text -> read(text, format))
        .orElseGet(
            () ->
                new Invalid(
                    List.of(
                        new Problem(
                            firstMalformedLine(bytes), "the file is not valid UTF-8 text"))));
  }

  /**
   * Reads text that was already decoded. A U+FFFD replacement character means a decoder upstream (a
   * browser's {@code File.text()}) met bytes that were not UTF-8: refused at its line, since
   * publishing it would show viewers "�" instead of the words.
   */
  public Result read(String text, Format format) {
    String[] lines = stripBom(text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
      if (lines[i].indexOf('\uFFFD') >= 0) {
        problems.add(new Problem(i + 1, "not valid UTF-8 text (the file must be saved as UTF-8)"));
      } else if (lines[i].chars().anyMatch(c -> c == 0)) {
        problems.add(new Problem(i + 1, "contains a NUL character"));
      }
    }
    if (!problems.isEmpty()) {
      return new Invalid(problems);
    }
    List<Cue> cues = new ArrayList<>();
    if (format == Format.VTT) {
      readVtt(lines, cues, problems);
    } else {
      readSrt(lines, cues, problems);
    }
    if (problems.isEmpty() && cues.isEmpty()) {
      problems.add(new Problem(0, "the file contains no cues"));
    }
    if (problems.isEmpty() && cues.size() > maxCues) {
      problems.add(new Problem(0, "at most " + maxCues + " cues, this file has " + cues.size()));
    }
    if (!problems.isEmpty()) {
      return new Invalid(List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))));
    }
    List<Cue> sorted =
        cues.stream().sorted(Comparator.comparingLong(Cue::startMillis)).toList(); // stable
    return new Parsed(sorted, render(sorted));
  }

  private void readVtt(String[] lines, List<Cue> cues, List<Problem> problems) {
    if (lines.length == 0 || !VTT_HEADER.matcher(lines[0]).matches()) {
      problems.add(new Problem(1, "a WebVTT file starts with the line WEBVTT"));
      return;
    }
    int i = 1;
    // The header block runs to the first blank line (metadata headers are dropped).
    while (i < lines.length && !lines[i].isBlank()) {
      if (lines[i].contains("-->")) {
        problems.add(new Problem(i + 1, "a blank line must follow the WEBVTT header"));
        return;
      }
      i++;
    }
    readCues(VTT_CUES, lines, i, cues, problems);
  }

  private static boolean isNonCueBlock(String first) {
    return first.equals("NOTE")
        || first.startsWith("NOTE ")
        || first.startsWith("NOTE\t")
        || first.equals("STYLE")
        || first.equals("REGION");
  }

  private void readSrt(String[] lines, List<Cue> cues, List<Problem> problems) {
    readCues(SRT_CUES, lines, 0, cues, problems);
  }

  /** Reads the blank-line separated cue blocks from line {@code from} on. */
  private static void readCues(
      CueSyntax syntax, String[] lines, int from, List<Cue> cues, List<Problem> problems) {
    int i = from;
    while (i < lines.length && problems.size() < MAX_PROBLEMS) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      int blockStart = i;
      int blockEnd = i;
      while (blockEnd < lines.length && !lines[blockEnd].isBlank()) {
        blockEnd++;
      }
      String first = lines[blockStart];
      if (syntax.skipped().test(first)) {
        i = blockEnd;
        continue;
      }
      String id = null;
      int timing = blockStart;
      if (syntax.identifier().test(first)) {
        id = syntax.keepsIdentifier() ? first.strip() : null;
        timing = blockStart + 1;
      }
      if (timing >= blockEnd) {
        problems.add(
            new Problem(blockStart + 1, "expected a cue timing line (" + syntax.example() + ")"));
        i = blockEnd;
        continue;
      }
      Matcher m = syntax.timing().matcher(lines[timing].strip());
      if (!m.matches()) {
        problems.add(
            new Problem(
                timing + 1,
                "malformed cue timing \""
                    + shorten(lines[timing])
                    + "\" (expected "
                    + syntax.shape()
                    + ")"));
        i = blockEnd;
        continue;
      }
      long start = millis(m.group(1), m.group(2), m.group(3), m.group(4));
      long end = millis(m.group(5), m.group(6), m.group(7), m.group(8));
      String settings = m.groupCount() < 9 || m.group(9) == null ? "" : m.group(9).strip();
      addCue(cues, problems, timing + 1, id, start, end, settings, lines, timing + 1, blockEnd);
      i = blockEnd;
    }
  }

  private static void addCue(
      List<Cue> cues,
      List<Problem> problems,
      int timingLine,
      String id,
      long start,
      long end,
      String settings,
      String[] lines,
      int textFrom,
      int textTo) {
    if (end <= start) {
      problems.add(new Problem(timingLine, "the cue must end after it starts"));
      return;
    }
    List<String> text = new ArrayList<>();
    for (int t = textFrom; t < textTo; t++) {
      if (lines[t].contains("-->")) {
        problems.add(
            new Problem(t + 1, "a cue's text cannot contain \"-->\" (is a blank line missing?)"));
        return;
      }
      text.add(lines[t].stripTrailing());
    }
    cues.add(new Cue(id, start, end, settings, String.join("\n", text)));
  }

  /** The WebVTT every published track is: header, then one block per cue. */
  public static String render(List<Cue> cues) {
    StringBuilder vtt = new StringBuilder("WEBVTT\n");
    for (Cue cue : cues) {
      vtt.append('\n');
      if (cue.id() != null && !cue.id().isEmpty()) {
        vtt.append(cue.id()).append('\n');
      }
      vtt.append(timestamp(cue.startMillis())).append(" --> ").append(timestamp(cue.endMillis()));
      if (!cue.settings().isEmpty()) {
        vtt.append(' ').append(cue.settings());
      }
      vtt.append('\n');
      if (!cue.text().isEmpty()) {
        vtt.append(cue.text()).append('\n');
      }
    }
    return vtt.toString();
  }

  /** hh:mm:ss.ttt. */
  public static String timestamp(long millis) {
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d.%03d",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        millis % 1000);
  }

  private static long millis(String hours, String minutes, String seconds, String fraction) {
    long h = hours == null ? 0 : Long.parseLong(hours);
    return ((h * 60 + Long.parseLong(minutes)) * 60 + Long.parseLong(seconds)) * 1000
        + Long.parseLong(fraction);
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String shorten(String line) {
    String stripped = line.strip();
    return stripped.length() <= 60 ? stripped : stripped.substring(0, 60) + "…";
  }

  /** The line of the first byte sequence that is not UTF-8, for the message. */
  private static int firstMalformedLine(byte[] bytes) {
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      int length =
          b < 0x80
              ? 1
              : b >= 0xc2 && b < 0xe0
                  ? 2
                  : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      if (length == 0 || i + length > bytes.length) {
        return line;
      }
      for (int k = 1; k < length; k++) {
        if ((bytes[i + k] & 0xc0) != 0x80) {
          return line;
        }
      }
      if (b == '\n') {
        line++;
      }
      i += length - 1;
    }
    return line;
  }
}
