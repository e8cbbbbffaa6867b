package dev.kinora.moderation;

/**
 * What a report or a moderation action is about: a video or a comment, by id ({@code kind} is the
 * contract's {@code ReportTargetKind}).
 */
public record Target(String kind, String id) {
  public static final String VIDEO = "video";
  public static final String COMMENT = "comment";

  public static Target video(String id) {
    return new Target(VIDEO, id);
  }

  public static Target comment(String id) {
    return new Target(COMMENT, id);
  }

  public boolean isVideo() {
    return VIDEO.equals(kind);
  }
}
