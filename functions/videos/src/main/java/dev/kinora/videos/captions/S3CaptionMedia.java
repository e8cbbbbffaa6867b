package dev.kinora.videos.captions;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Caption files in the media bucket. They are replaceable (a PUT of the same language), so they get
 * the playlists' short {@code max-age}, not the segments' {@code immutable}.
 */
public final class S3CaptionMedia implements CaptionMedia {
  static final String VTT_TYPE = "text/vtt; charset=utf-8";
  static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";

  private final S3Client s3;
  private final String bucket;
  private final String cacheControl;

  public S3CaptionMedia(S3Client s3, String bucket, int playlistMaxAgeSeconds) {
    this.s3 = s3;
    this.bucket = bucket;
    this.cacheControl = "public, max-age=" + playlistMaxAgeSeconds;
  }

  @Override
  public void publish(String videoId, String language, String vtt, String playlist) {
    // The file before the playlist that points at it: a player never finds a dangling URI.
    put(CaptionKeys.vtt(videoId, language), vtt, VTT_TYPE);
    put(CaptionKeys.playlist(videoId, language), playlist, PLAYLIST_TYPE);
  }

  @Override
  public void unpublish(String videoId, String language) {
    s3.deleteObject(r -> r.bucket(bucket).key(CaptionKeys.playlist(videoId, language)));
    s3.deleteObject(r -> r.bucket(bucket).key(CaptionKeys.vtt(videoId, language)));
  }

  @Override
  public Optional<String> master(String videoId) {
    try {
      return Optional.of(
          s3.getObjectAsBytes(r -> r.bucket(bucket).key(CaptionKeys.master(videoId)))
              .asString(StandardCharsets.UTF_8));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public void replaceMaster(String videoId, String master) {
    put(CaptionKeys.master(videoId), master, PLAYLIST_TYPE);
  }

  private void put(String key, String text, String contentType) {
    s3.putObject(
        r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
        RequestBody.fromString(text, StandardCharsets.UTF_8));
  }
}
