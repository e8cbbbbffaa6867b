package dev.kinora.shared.captions;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The BCP 47 language tags a caption track may carry: a language (2–3 letters, or {@code und}),
 * optionally a script (4 letters) and a region (2 letters or 3 digits) — "en", "pt-BR", "zh-Hant",
 * "es-419". Extensions and private use are refused: the tag names a file and a playlist rendition.
 * Tags are compared in their canonical case (en-US, zh-Hant-TW), so "EN-us" replaces "en-US".
 */
public final class CaptionLanguages {
  /** What the contract's {@code CaptionLanguage} pattern says too. */
  public static final Pattern TAG =
      Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$");

  /** The tag of a track whose language nobody told us. */
  public static final String UNDETERMINED = "und";

  private CaptionLanguages() {}

  /** The tag in canonical case, or empty when it is not one we accept. */
  public static Optional<String> canonical(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      return Optional.empty();
    }
    String[] parts = tag.split("-");
    StringBuilder canonical = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      canonical.append('-');
      if (part.length() == 4) {
        canonical
            .append(part.substring(0, 1).toUpperCase(Locale.ROOT))
            .append(part.substring(1).toLowerCase(Locale.ROOT));
      } else {
        canonical.append(part.toUpperCase(Locale.ROOT));
      }
    }
    return Optional.of(canonical.toString());
  }

  /**
   * A stream's language tag from a container (ISO 639-2 like "eng", or "und"): accepted as is when
   * it is a tag, else {@code und}.
   */
  public static String fromStreamTag(String tag) {
    return canonical(tag == null ? null : tag.strip())
        .map(CaptionLanguages::shortestLanguage)
        .orElse(UNDETERMINED);
  }

  /** BCP 47 wants the shortest ISO 639 code: containers write "eng", the tag is "en". */
  private static String shortestLanguage(String tag) {
    String language = tag.split("-")[0];
    if (language.length() != 3 || language.equals(UNDETERMINED)) {
      return tag;
    }
    for (String twoLetter : Locale.getISOLanguages()) {
      if (Locale.of(twoLetter).getISO3Language().equals(language)) {
        return twoLetter + tag.substring(3);
      }
    }
    return tag;
  }
}
