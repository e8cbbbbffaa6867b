package dev.kinora.engagement;

/**
 * What a VideosTable change means for subscribers: a video became listable (public and ready:
 * processing → ready while public, or a ready video made public), stopped being listable (made
 * private or unlisted, blocked), was deleted, or neither.
 */
public record VideoChange(Kind kind, String videoId, String channelId) {

  public enum Kind {
    PUBLISHED,
    WITHDRAWN,
    DELETED,
    NONE
  }

  /** A row's facts as the stream's old or new image holds them; null when there is no image. */
  public record Row(String videoId, String channelId, String visibility, String status) {
    boolean listable() {
      return "public".equals(visibility) && "ready".equals(status);
    }
  }

  public static VideoChange between(Row before, Row after) {
    boolean was = before != null && before.listable();
    boolean is = after != null && after.listable();
    Row any = after != null ? after : before;
    if (any == null || any.channelId() == null) {
      return new VideoChange(Kind.NONE, any == null ? null : any.videoId(), null);
    }
    Kind kind =
        after == null
            ? Kind.DELETED
            : is && !was ? Kind.PUBLISHED : was && !is ? Kind.WITHDRAWN : Kind.NONE;
    return new VideoChange(kind, any.videoId(), any.channelId());
  }
}
