package dev.kinora.shared.captions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.captions.CaptionFiles.Format;
import dev.kinora.shared.captions.CaptionFiles.Invalid;
import dev.kinora.shared.captions.CaptionFiles.Parsed;
import dev.kinora.shared.captions.CaptionFiles.Problem;
import dev.kinora.shared.captions.CaptionFiles.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionFilesTest {
  private final CaptionFiles files = new CaptionFiles(5);

  private static final String SRT =
      """
      1
      00:00:00,500 --> 00:00:02,000
      Hello, <i>world</i>!

      2
      00:00:01,500 --> 00:00:03,250
      Overlapping
      second line
      """;

  @Test
  void srtBecomesWebVttWithDotsAndHours() {
    Parsed parsed = parsed(files.read(SRT, Format.SRT));
    assertThat(parsed.vtt())
        .isEqualTo(
            """
            WEBVTT

            00:00:00.500 --> 00:00:02.000
            Hello, <i>world</i>!

            00:00:01.500 --> 00:00:03.250
            Overlapping
            second line
            """);
    assertThat(parsed.lastEndMillis()).isEqualTo(3250);
  }

  @Test
  void aByteOrderMarkAndCrLfLineEndingsAreAccepted() {
    String windows = "\uFEFF" + SRT.replace("\n", "\r\n");
    assertThat(parsed(files.read(windows, Format.SRT)).vtt())
        .isEqualTo(parsed(files.read(SRT, Format.SRT)).vtt());
    byte[] bomBytes = ("\uFEFF" + SRT).getBytes(StandardCharsets.UTF_8);
    assertThat(parsed(files.read(bomBytes, Format.SRT)).cues()).hasSize(2);
  }

  @Test
  void webVttKeepsIdsAndSettingsAndDropsNotesAndStyles() {
    String vtt =
        """
        WEBVTT - a title
        Kind: captions

        NOTE written by hand

        STYLE
        ::cue { color: red }

        intro
        01:02.000 --> 01:03.500 align:start line:0
        [music]

        00:00:01.000 --> 00:00:02.000
        First
        """;
    Parsed parsed = parsed(files.read(vtt, Format.VTT));
    assertThat(parsed.vtt())
        .isEqualTo(
            """
            WEBVTT

            00:00:01.000 --> 00:00:02.000
            First

            intro
            00:01:02.000 --> 00:01:03.500 align:start line:0
            [music]
            """);
  }

  @Test
  void malformedTimestampsAreReportedAtTheirLine() {
    String srt =
        """
        1
        00:00:01,000 --> 00:00:02,000
        fine

        2
        00:00:61,000 --> 00:01:02,000
        bad seconds

        3
        0:0:1.5 -> 0:0:2
        bad everything
        """;
    assertThat(problems(files.read(srt, Format.SRT)))
        .extracting(Problem::describe)
        .containsExactly(
            "line 6: malformed cue timing \"00:00:61,000 --> 00:01:02,000\""
                + " (expected hh:mm:ss,mmm --> hh:mm:ss,mmm)",
            "line 10: malformed cue timing \"0:0:1.5 -> 0:0:2\""
                + " (expected hh:mm:ss,mmm --> hh:mm:ss,mmm)");
  }

  @Test
  void aCueMustEndAfterItStarts() {
    String vtt = "WEBVTT\n\n00:00:02.000 --> 00:00:02.000\nzero length\n";
    assertThat(problems(files.read(vtt, Format.VTT)))
        .extracting(Problem::describe)
        .containsExactly("line 3: the cue must end after it starts");
  }

  @Test
  void aWebVttFileNeedsItsHeader() {
    assertThat(problems(files.read(SRT, Format.VTT)))
        .extracting(Problem::describe)
        .containsExactly("line 1: a WebVTT file starts with the line WEBVTT");
  }

  @Test
  void invalidUtf8BytesAreRefusedAtTheirLine() {
    byte[] latin1 =
        "1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CaptionFiles.decodeUtf8(latin1)).isEmpty();
    assertThat(problems(files.read(latin1, Format.SRT)))
        .extracting(Problem::describe)
        .containsExactly("line 3: the file is not valid UTF-8 text");
  }

  @Test
  void textABrowserDecodedFromInvalidUtf8IsRefused() {
    String replaced = "1\n00:00:01,000 --> 00:00:02,000\nCaf\uFFFD\n";
    assertThat(problems(files.read(replaced, Format.SRT)))
        .extracting(Problem::describe)
        .containsExactly("line 3: not valid UTF-8 text (the file must be saved as UTF-8)");
  }

  @Test
  void tooManyCuesAreRefused() {
    StringBuilder srt = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      srt.append(i + 1)
          .append("\n00:00:0")
          .append(i)
          .append(",000 --> 00:00:0")
          .append(i)
          .append(",500\ncue\n\n");
    }
    assertThat(problems(files.read(srt.toString(), Format.SRT)))
        .extracting(Problem::describe)
        .containsExactly("at most 5 cues, this file has 6");
  }

  @Test
  void anEmptyFileHasNoCues() {
    assertThat(problems(files.read("WEBVTT\n", Format.VTT)))
        .extracting(Problem::describe)
        .containsExactly("the file contains no cues");
    assertThat(problems(files.read("", Format.SRT))).hasSize(1);
  }

  @Test
  void cuesOutOfOrderAreSortedByStart() {
    String srt =
        "2\n00:00:05,000 --> 00:00:06,000\nlater\n\n1\n00:00:01,000 --> 00:00:02,000\nearlier\n";
    assertThat(parsed(files.read(srt, Format.SRT)).cues())
        .extracting(CaptionFiles.Cue::text)
        .containsExactly("earlier", "later");
  }

  @Test
  void aMissingBlankLineBetweenCuesIsFound() {
    String srt = "1\n00:00:01,000 --> 00:00:02,000\none\n00:00:03,000 --> 00:00:04,000\ntwo\n";
    assertThat(problems(files.read(srt, Format.SRT)))
        .extracting(Problem::describe)
        .containsExactly("line 4: a cue's text cannot contain \"-->\" (is a blank line missing?)");
  }

  @Test
  void noMoreThanTwentyProblemsAreListed() {
    String garbage = "x\n\n".repeat(50);
    assertThat(problems(files.read(garbage, Format.SRT))).hasSize(CaptionFiles.MAX_PROBLEMS);
  }

  private static Parsed parsed(Result result) {
    assertThat(result).isInstanceOf(Parsed.class);
    return (Parsed) result;
  }

  private static List<Problem> problems(Result result) {
    assertThat(result).isInstanceOf(Invalid.class);
    return ((Invalid) result).problems();
  }
}
