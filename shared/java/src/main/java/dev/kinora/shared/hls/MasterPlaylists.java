package dev.kinora.shared.hls;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one renderer of a video's master playlist: the ladder's variants plus the caption tracks as
 * an HLS subtitle group. Transcode renders it from the ladder it just encoded; the videos context
 * re-renders it from the published master ({@link #variants}) when an owner adds or removes a
 * track. Both go through {@link #render}, so a later rewrite by either side keeps the other's part.
 *
 * <p>RFC 8216 §4.3.4.1/§4.3.4.2 rules followed here: a {@code TYPE=SUBTITLES} rendition has a URI,
 * a {@code GROUP-ID} and a {@code NAME} unique within its group; {@code LANGUAGE} is an RFC 5646
 * tag; {@code DEFAULT=NO} (the viewer chooses), so {@code AUTOSELECT} may be either; {@code FORCED}
 * is left out (NO). Every {@code EXT-X-STREAM-INF} names the group in {@code SUBTITLES} when — and
 * only when — the group exists: an attribute pointing at no group is an invalid playlist.
 */
public final class MasterPlaylists {
  /** The subtitle group every Kinora master uses. */
  public static final String GROUP_ID = "subs";

  private static final String STREAM_INF = "#EXT-X-STREAM-INF:";
  private static final Pattern SUBTITLES_ATTRIBUTE = Pattern.compile(",?SUBTITLES=\"[^\"]*\"");

  /**
   * One variant stream: its {@code EXT-X-STREAM-INF} attribute list without {@code SUBTITLES}, and
   * its URI (relative to the master).
   */
  public record Variant(String attributes, String uri) {}

  /**
   * One subtitle rendition. {@code captions} marks captions for the deaf and hard of hearing
   * (spoken dialogue plus music and sound), announced with the accessibility characteristics.
   */
  public record Subtitle(String language, String name, boolean captions, String uri) {}

  private MasterPlaylists() {}

  /** The master: header, the subtitle group (if any track), then the variants as given. */
  public static String render(List<Variant> variants, List<Subtitle> subtitles) {
    StringBuilder text =
        new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    Set<String> names = new HashSet<>();
    for (Subtitle subtitle : subtitles) {
      String name = quotable(subtitle.name());
      if (!names.add(name)) {
        name = name + " (" + subtitle.language() + ")"; // NAME must be unique in the group
        names.add(name);
      }
      text.append(
          String.format(
              Locale.ROOT,
              "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"%s\",NAME=\"%s\",LANGUAGE=\"%s\","
                  + "DEFAULT=NO,AUTOSELECT=YES,%sURI=\"%s\"\n",
              GROUP_ID,
              name,
              subtitle.language(),
              subtitle.captions()
                  ? "CHARACTERISTICS=\"public.accessibility.transcribes-spoken-dialog,"
                      + "public.accessibility.describes-music-and-sound\","
                  : "",
              subtitle.uri()));
    }
    for (Variant variant : variants) {
      text.append(STREAM_INF).append(variant.attributes());
      if (!subtitles.isEmpty()) {
        text.append(",SUBTITLES=\"").append(GROUP_ID).append('"');
      }
      text.append('\n').append(variant.uri()).append('\n');
    }
    return text.toString();
  }

  /**
   * The variants of a master this class (or ffmpeg) wrote, in their order, with any {@code
   * SUBTITLES} attribute removed; the subtitle renditions are not variants and are left out.
   */
  public static List<Variant> variants(String master) {
    List<Variant> variants = new ArrayList<>();
    String[] lines = master.replace("\r\n", "\n").split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(STREAM_INF)) {
        String attributes =
            SUBTITLES_ATTRIBUTE.matcher(lines[i].substring(STREAM_INF.length())).replaceAll("");
        if (attributes.startsWith(",")) {
          attributes = attributes.substring(1);
        }
        int uri = i + 1;
        while (uri < lines.length && (lines[uri].isBlank() || lines[uri].startsWith("#"))) {
          uri++;
        }
        if (uri < lines.length) {
          variants.add(new Variant(attributes, lines[uri].trim()));
          i = uri;
        }
      }
    }
    return variants;
  }

  /** {@code master} with its subtitle group replaced by {@code subtitles} (idempotent). */
  public static String withSubtitles(String master, List<Subtitle> subtitles) {
    return render(variants(master), subtitles);
  }

  /** A quoted-string may not hold a double quote, CR or LF (RFC 8216 §4.2). */
  private static String quotable(String value) {
    return value.replace('"', '\'').replace('\r', ' ').replace('\n', ' ');
  }
}
