package dev.kinora.transcode.ffmpeg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which renditions a source gets (limits.json {@code transcode.ladder}). A rung's name and height
 * mean the short side of the picture, so a portrait phone clip gets the same rungs as its landscape
 * twin, just standing up; the frame sizes returned are the ones to encode, in display orientation
 * and even (x264 needs even 4:2:0 sizes).
 */
public final class Ladder {
  private Ladder() {}

  /** The configured ladder, largest first, in landscape 16:9 sizes. */
  public static List<Rung> standard() {
    return standard(TranscodeSettings.load());
  }

  /**
   * Every standard rung not above the source's short side, plus the source's own size (capped at
   * the top rung) when it falls between rungs or below the lowest, scaled to the source's aspect.
   */
  public static List<Rung> forSource(MediaInfo info) {
    return forSource(info, TranscodeSettings.load());
  }

  static List<Rung> standard(TranscodeSettings settings) {
    return settings.ladder().stream()
        .sorted(Comparator.comparingInt(Rung::height).reversed())
        .toList();
  }

  static List<Rung> forSource(MediaInfo info, TranscodeSettings settings) {
    List<Rung> ladder = standard(settings);
    int shortSide = Math.min(info.width(), info.height());
    // rounded down to even: never upscale, not even by a pixel
    int ownHeight = Math.max(2, Math.min(shortSide, ladder.getFirst().height()) & ~1);
    List<Rung> chosen = new ArrayList<>();
    Rung above = ladder.getFirst();
    boolean ownIncluded = false;
    for (Rung rung : ladder) {
      if (rung.height() <= shortSide) {
        if (rung.height() == ownHeight) {
          ownIncluded = true;
        }
        if (!ownIncluded && rung.height() < ownHeight) {
          chosen.add(ownRung(ownHeight, above));
          ownIncluded = true;
        }
        chosen.add(rung);
      } else {
        above = rung;
      }
    }
    if (!ownIncluded) {
      chosen.add(ownRung(ownHeight, above));
    }
    return chosen.stream().map(rung -> fitted(rung, info)).toList();
  }

  /**
   * A rung at the source's own height, between two standard rungs (or below the lowest): the
   * bitrate of the rung above scaled by the pixel count, so bits per pixel stay the same.
   */
  private static Rung ownRung(int height, Rung above) {
    double pixelRatio = Math.pow((double) height / above.height(), 2);
    int width = even((double) above.width() * height / above.height());
    return new Rung(
        height + "p",
        width,
        height,
        (int) Math.round(above.videoKbps() * pixelRatio),
        above.audioKbps());
  }

  /** The rung's frame size for this source: short side = rung height, long side by aspect. */
  private static Rung fitted(Rung rung, MediaInfo info) {
    int shortSide = rung.height();
    boolean portrait = info.height() > info.width();
    int sourceShort = portrait ? info.width() : info.height();
    int sourceLong = portrait ? info.height() : info.width();
    int longSide = even((double) sourceLong * shortSide / sourceShort);
    return portrait
        ? new Rung(rung.name(), shortSide, longSide, rung.videoKbps(), rung.audioKbps())
        : new Rung(rung.name(), longSide, shortSide, rung.videoKbps(), rung.audioKbps());
  }

  /** Nearest even number, at least 2 (as ffmpeg's scale=-2 rounds). */
  private static int even(double value) {
    return Math.max(2, (int) Math.round(value / 2) * 2);
  }
}
