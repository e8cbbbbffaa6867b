package dev.kinora.videos.captions;

import dev.kinora.shared.captions.CaptionFiles;
import dev.kinora.shared.captions.CaptionLanguages;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.hls.MasterPlaylists;
import dev.kinora.shared.hls.SubtitlePlaylists;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.model.CaptionFormat;
import dev.kinora.shared.model.CaptionKind;
import dev.kinora.shared.model.CaptionSource;
import dev.kinora.shared.model.CaptionTrack;
import dev.kinora.shared.model.CaptionTrackUpload;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.videos.StoredVideo;
import dev.kinora.videos.VideoService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Caption tracks of a video: who may read them is the video's own access policy ({@link
 * VideoService#find}); only the owner may change them. Publishing writes the track's files first,
 * then records it on the row, then re-renders the master from the row's tracks — so the master
 * never names a file that is not there, and re-running any step converges on the same master.
 */
public final class CaptionService {
  private final VideoService videos;
  private final CaptionTracks tracks;
  private final CaptionMedia media;
  private final CaptionFiles files;
  private final Limits limits;
  private final Clock clock;

  /** The numbers of limits.json {@code captions}. */
  public record Limits(int maxFileBytes, int maxCues, int maxTracksPerVideo) {}

  public CaptionService(
      VideoService videos, CaptionTracks tracks, CaptionMedia media, Limits limits, Clock clock) {
    this.videos = videos;
    this.tracks = tracks;
    this.media = media;
    this.files = new CaptionFiles(limits.maxCues());
    this.limits = limits;
    this.clock = clock;
  }

  /** The tracks of a video the caller may see (else VIDEO_NOT_FOUND, as for the video). */
  public List<CaptionTrack> list(String videoId, String viewerId) {
    videos.find(videoId, viewerId);
    return tracks.list(videoId).stream().map(track -> track.toApi(videoId)).toList();
  }

  /**
   * Validates, converts and publishes the owner's file for {@code language}.
   *
   * @throws ApiException VIDEO_NOT_FOUND / FORBIDDEN as for editing the video, CONFLICT before it
   *     is ready or at the track maximum, FILE_TOO_LARGE, VALIDATION_ERROR at /text per line
   */
  public CaptionTrack put(
      String videoId, String callerId, String language, CaptionTrackUpload upload) {
    StoredVideo video = videos.requireOwner(videoId, callerId);
    if (video.status() != VideoStatus.READY) {
      throw new ApiException(
          ErrorCode.CONFLICT, "Captions can be added once the video has finished processing");
    }
    int bytes = upload.text().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxFileBytes()) {
      throw new ApiException(
          ErrorCode.FILE_TOO_LARGE,
          "A caption file may be at most " + limits.maxFileBytes() / 1024 + " KiB");
    }
    CaptionFiles.Format format =
        upload.format() == CaptionFormat.SRT ? CaptionFiles.Format.SRT : CaptionFiles.Format.VTT;
    CaptionFiles.Parsed parsed =
        switch (files.read(upload.text(), format)) {
          case CaptionFiles.Parsed p -> p;
          case CaptionFiles.Invalid invalid ->
              throw ApiException.validation(
                  invalid.problems().stream()
                      .map(problem -> new ValidationIssue("/text", problem.describe()))
                      .toList());
        };
    StoredTrack track =
        new StoredTrack(
            language,
            upload.label().strip(),
            upload.kind(),
            CaptionSource.UPLOAD,
            parsed.cues().size(),
            clock.instant());
    publishFiles(video, language, parsed);
    List<StoredTrack> all =
        tracks
            .put(videoId, callerId, track, limits.maxTracksPerVideo())
            .orElseThrow(
                () -> {
                  // Not recorded: the files of a new language must not stay behind.
                  if (tracks.list(videoId).stream()
                      .noneMatch(existing -> existing.language().equals(language))) {
                    media.unpublish(videoId, language);
                  }
                  return new ApiException(
                      ErrorCode.CONFLICT,
                      "A video can have at most "
                          + limits.maxTracksPerVideo()
                          + " caption tracks; delete one first");
                });
    renderMaster(videoId, all);
    return track.toApi(videoId);
  }

  /** Deletes the owner's track of {@code language}: row, master, then files. */
  public void delete(String videoId, String callerId, String language) {
    videos.requireOwner(videoId, callerId);
    List<StoredTrack> remaining =
        tracks
            .remove(videoId, callerId, language)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.NOT_FOUND, "This video has no caption track in " + language));
    renderMaster(videoId, remaining);
    media.unpublish(videoId, language);
  }

  /**
   * The path's language in canonical case.
   *
   * @throws ApiException VALIDATION_ERROR at /language
   */
  public static String language(String tag) {
    return CaptionLanguages.canonical(tag)
        .orElseThrow(
            () ->
                ApiException.validation(
                    List.of(
                        new ValidationIssue(
                            "/language",
                            "must be a BCP 47 language tag such as en, pt-BR or zh-Hant"))));
  }

  private void publishFiles(StoredVideo video, String language, CaptionFiles.Parsed parsed) {
    double duration =
        Math.max(
            video.durationSeconds() == null ? 0 : video.durationSeconds(),
            parsed.lastEndMillis() / 1000.0);
    media.publish(
        video.id(), language, parsed.vtt(), SubtitlePlaylists.render(language + ".vtt", duration));
  }

  private void renderMaster(String videoId, List<StoredTrack> all) {
    media
        .master(videoId)
        .ifPresent(
            master ->
                media.replaceMaster(
                    videoId, MasterPlaylists.withSubtitles(master, subtitles(all))));
  }

  /** The master's subtitle renditions for these tracks, in language order. */
  public static List<MasterPlaylists.Subtitle> subtitles(List<StoredTrack> all) {
    return all.stream()
        .map(
            track ->
                new MasterPlaylists.Subtitle(
                    track.language(),
                    track.label(),
                    track.kind() == CaptionKind.CAPTIONS,
                    CaptionKeys.playlistFromMaster(track.language())))
        .toList();
  }
}
