package dev.kinora.shared.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed view of {@code limits.json}, the only source of numbers. Obtain it from {@link
 * Contract#limits()}; every component mirrors the file's nesting and names, and loading fails if
 * the file lacks one of them.
 *
 * <p>Built by hand from the JSON tree rather than by Jackson data binding: binding a dozen record
 * types costs about 200 ms of CPU on a cold JVM, which every function would pay at start.
 */
public record Limits(
    VideoLimits video,
    UploadLimits upload,
    CommentLimits comment,
    ChannelLimits channel,
    AccountLimits account,
    PaginationLimits pagination,
    ViewLimits view,
    WatchProgressLimits watchProgress,
    RealtimeLimits realtime,
    TranscodeLimits transcode,
    MediaLimits media,
    TranscodeJobLimits transcodeJob,
    Map<String, RateLimit> rateLimits) {

  public Limits {
    rateLimits = Map.copyOf(rateLimits);
  }

  /** Reads limits.json's tree; a missing or mistyped value fails with its dot path. */
  static Limits fromJson(JsonNode root) {
    var json = new Reader(root);
    return new Limits(
        new VideoLimits(
            json.integer("video.idLength"),
            json.lengthRange("video.title"),
            new MaxLength(json.integer("video.description.max")),
            json.stringList("video.tags"),
            json.stringList("video.categories")),
        new UploadLimits(
            json.lengthRange("upload.filename"),
            json.longInteger("upload.minFileSizeBytes"),
            json.longInteger("upload.maxFileSizeBytes"),
            json.longInteger("upload.chunkSizeBytes"),
            json.strings("upload.allowedMimeTypes"),
            json.integer("upload.sessionTtlHours"),
            json.integer("upload.firstPartNumber"),
            json.integer("upload.maxParts"),
            json.integer("upload.minPartsPerPresign"),
            json.integer("upload.maxPartsPerPresign"),
            json.integer("upload.presignedUrlTtlSeconds"),
            json.integer("upload.parallelParts")),
        new CommentLimits(
            json.lengthRange("comment.text"), json.integer("comment.editWindowMinutes")),
        new ChannelLimits(
            json.lengthRange("channel.handle"),
            json.lengthRange("channel.name"),
            new MaxLength(json.integer("channel.description.max")),
            new AvatarLimits(
                json.longInteger("channel.avatar.minFileSizeBytes"),
                json.longInteger("channel.avatar.maxFileSizeBytes"),
                json.strings("channel.avatar.allowedMimeTypes"),
                json.integer("channel.avatar.presignedUrlTtlSeconds"))),
        new AccountLimits(
            new MaxLength(json.integer("account.email.max")),
            json.lengthRange("account.password"),
            json.integer("account.sessionTtlDays"),
            json.integer("account.sessionRefreshHours")),
        new PaginationLimits(
            json.integer("pagination.minPageSize"),
            json.integer("pagination.defaultPageSize"),
            json.integer("pagination.maxPageSize")),
        new ViewLimits(
            json.integer("view.dedupMinutes"),
            json.integer("view.minWatchSeconds"),
            json.decimal("view.minWatchFraction"),
            json.integer("view.viewerCookieMaxAgeDays")),
        new WatchProgressLimits(
            new Floor(json.decimal("watchProgress.position.min")),
            new ExclusiveFloor(json.decimal("watchProgress.duration.exclusiveMin")),
            json.integer("watchProgress.saveIntervalSeconds")),
        new RealtimeLimits(
            json.integer("realtime.reconnectDelaySeconds"),
            json.integer("realtime.maxReconnectDelaySeconds"),
            json.integer("realtime.pollIntervalSeconds"),
            json.integer("realtime.maxSubscriptionsPerConnection"),
            json.integer("realtime.connectionTtlHours")),
        json.transcode("transcode"),
        new MediaLimits(
            json.integer("media.immutableMaxAgeSeconds"),
            json.integer("media.playlistMaxAgeSeconds"),
            json.integer("media.posterMaxAgeSeconds"),
            json.integer("media.signedCookieTtlSeconds")),
        new TranscodeJobLimits(
            json.integer("transcodeJob.maxAttempts"),
            json.integer("transcodeJob.workStorageMb"),
            json.integer("transcodeJob.progressIntervalMillis"),
            json.decimal("transcodeJob.outputSizeFactor"),
            json.integer("transcodeJob.uploadConcurrency"),
            json.decimal("transcodeJob.ladderSpeed"),
            json.integer("transcodeJob.singleJobBudgetSeconds"),
            json.integer("transcodeJob.chunkSeconds")),
        json.rateLimits("rateLimits"));
  }

  /**
   * The rate limit of an action, e.g. {@code "uploadInit"}.
   *
   * @throws IllegalArgumentException if limits.json defines no rate limit of that name
   */
  public RateLimit rateLimit(String action) {
    RateLimit limit = rateLimits.get(action);
    if (limit == null) {
      throw new IllegalArgumentException(
          "limits.json has no rateLimits." + action + " (known: " + rateLimits.keySet() + ")");
    }
    return limit;
  }

  /** Inclusive length bounds of a text field, in characters. */
  public record LengthRange(int min, int max) {}

  /** Upper length bound of a text field, in characters. */
  public record MaxLength(int max) {}

  /** Bounds of a list of short strings (tags, categories). */
  public record StringListLimits(int maxItems, int minLength, int maxLength) {}

  /** Video metadata. */
  public record VideoLimits(
      int idLength,
      LengthRange title,
      MaxLength description,
      StringListLimits tags,
      StringListLimits categories) {}

  /** Upload sessions and the multipart protocol. */
  public record UploadLimits(
      LengthRange filename,
      long minFileSizeBytes,
      long maxFileSizeBytes,
      long chunkSizeBytes,
      List<String> allowedMimeTypes,
      int sessionTtlHours,
      int firstPartNumber,
      int maxParts,
      int minPartsPerPresign,
      int maxPartsPerPresign,
      int presignedUrlTtlSeconds,
      int parallelParts) {

    public Duration sessionTtl() {
      return Duration.ofHours(sessionTtlHours);
    }

    public Duration presignedUrlTtl() {
      return Duration.ofSeconds(presignedUrlTtlSeconds);
    }

    /** Number of parts a file of {@code fileSize} bytes is split into. */
    public long partCount(long fileSize) {
      return Math.max(1, Math.ceilDiv(fileSize, chunkSizeBytes));
    }
  }

  /** Comments: the author may edit the text for {@code editWindowMinutes} after posting it. */
  public record CommentLimits(LengthRange text, int editWindowMinutes) {

    public Duration editWindow() {
      return Duration.ofMinutes(editWindowMinutes);
    }
  }

  /** Channels. */
  public record ChannelLimits(
      LengthRange handle, LengthRange name, MaxLength description, AvatarLimits avatar) {}

  /** Channel avatar images, uploaded straight to the media bucket through a presigned PUT. */
  public record AvatarLimits(
      long minFileSizeBytes,
      long maxFileSizeBytes,
      List<String> allowedMimeTypes,
      int presignedUrlTtlSeconds) {

    public AvatarLimits {
      allowedMimeTypes = List.copyOf(allowedMimeTypes);
    }

    public Duration presignedUrlTtl() {
      return Duration.ofSeconds(presignedUrlTtlSeconds);
    }
  }

  /**
   * Accounts and sessions: sessions last {@code sessionTtlDays}, extended at most once per
   * sessionRefreshHours.
   */
  public record AccountLimits(
      MaxLength email, LengthRange password, int sessionTtlDays, int sessionRefreshHours) {

    /** How long a session lives after its last extension. */
    public Duration sessionTtl() {
      return Duration.ofDays(sessionTtlDays);
    }

    /** A session's expiry is pushed forward at most this often. */
    public Duration sessionRefreshInterval() {
      return Duration.ofHours(sessionRefreshHours);
    }
  }

  /** Cursor pagination. */
  public record PaginationLimits(int minPageSize, int defaultPageSize, int maxPageSize) {}

  /** When a view counts. */
  public record ViewLimits(
      int dedupMinutes, int minWatchSeconds, double minWatchFraction, int viewerCookieMaxAgeDays) {

    public Duration dedupWindow() {
      return Duration.ofMinutes(dedupMinutes);
    }
  }

  /** A lower bound, inclusive. */
  public record Floor(double min) {}

  /** A lower bound, exclusive. */
  public record ExclusiveFloor(double exclusiveMin) {}

  /** Watch progress reports. */
  public record WatchProgressLimits(
      Floor position, ExclusiveFloor duration, int saveIntervalSeconds) {}

  /**
   * The WebSocket API: the client's reconnect delays and polling fallback, subscriptions per
   * connection, and how long a connection item lives (API Gateway closes connections after 2 h).
   */
  public record RealtimeLimits(
      int reconnectDelaySeconds,
      int maxReconnectDelaySeconds,
      int pollIntervalSeconds,
      int maxSubscriptionsPerConnection,
      int connectionTtlHours) {

    public Duration connectionTtl() {
      return Duration.ofHours(connectionTtlHours);
    }
  }

  /**
   * The ffmpeg ladder and its surroundings (functions/transcode, package {@code ffmpeg}): rungs by
   * short side, keyframe and segment lengths, what a source may be, poster and storyboard sizes,
   * timeouts. {@code rateControl} sets x264 maxrate and bufsize as factors of a rung's bitrate.
   */
  public record TranscodeLimits(
      List<TranscodeRung> ladder,
      int keyframeIntervalSeconds,
      int segmentSeconds,
      int maxOutputFrameRate,
      int audioChannels,
      String x264Preset,
      double maxRateFactor,
      double bufferFactor,
      int maxDurationSeconds,
      int minDimension,
      int maxDimension,
      double thumbnailPositionFraction,
      int thumbnailWidth,
      int storyboardTileWidth,
      int storyboardColumns,
      int storyboardRows,
      int probeTimeoutSeconds,
      int ffmpegTimeoutSeconds) {

    public TranscodeLimits {
      ladder = List.copyOf(ladder);
    }

    public Duration probeTimeout() {
      return Duration.ofSeconds(probeTimeoutSeconds);
    }

    public Duration ffmpegTimeout() {
      return Duration.ofSeconds(ffmpegTimeoutSeconds);
    }
  }

  /** One rung of the ladder: {@code height} is the short side, e.g. 720 for {@code 720p}. */
  public record TranscodeRung(String name, int width, int height, int videoKbps, int audioKbps) {}

  /**
   * Cache-Control max-ages of the objects under {@code media/{id}/}. The poster is the one object
   * CDN edges serve without signed cookies, and it is moved when its video turns private: its short
   * max-age bounds how long an edge may keep serving the old copy.
   */
  public record MediaLimits(
      int immutableMaxAgeSeconds,
      int playlistMaxAgeSeconds,
      int posterMaxAgeSeconds,
      int signedCookieTtlSeconds) {

    /** Without signed cookies (what the transcode side builds in its tests). */
    public MediaLimits(
        int immutableMaxAgeSeconds, int playlistMaxAgeSeconds, int posterMaxAgeSeconds) {
      this(immutableMaxAgeSeconds, playlistMaxAgeSeconds, posterMaxAgeSeconds, 0);
    }

    public Duration signedCookieTtl() {
      return Duration.ofSeconds(signedCookieTtlSeconds);
    }
  }

  /**
   * The transcode function's job handling: {@code maxAttempts} mirrors TranscodeQueue's
   * maxReceiveCount, {@code workStorageMb} the function's EphemeralStorage (template.yaml); a
   * source is only transcoded when it plus its estimated outputs (ladder bitrates × duration ×
   * {@code outputSizeFactor}, for container overhead) fit in the work storage. A source whose
   * estimated encode time (duration ÷ {@code ladderSpeed}, source seconds per wall second of the
   * full ladder on the function's vCPUs) exceeds {@code singleJobBudgetSeconds} is split into
   * chunks of about {@code chunkSeconds} encoded by one invocation each.
   */
  public record TranscodeJobLimits(
      int maxAttempts,
      int workStorageMb,
      int progressIntervalMillis,
      double outputSizeFactor,
      int uploadConcurrency,
      double ladderSpeed,
      int singleJobBudgetSeconds,
      int chunkSeconds) {
    public long workStorageBytes() {
      return workStorageMb * 1024L * 1024L;
    }

    public Duration progressInterval() {
      return Duration.ofMillis(progressIntervalMillis);
    }
  }

  /** At most {@code requests} per {@code windowSeconds} per caller. */
  public record RateLimit(int requests, int windowSeconds) {

    public Duration window() {
      return Duration.ofSeconds(windowSeconds);
    }
  }

  private record Reader(JsonNode root) {

    JsonNode value(String path) {
      return LimitBindings.lookup(root, path);
    }

    int integer(String path) {
      JsonNode value = value(path);
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw new ContractException("limits.json " + path + " must be an integer: " + value);
      }
      return value.intValue();
    }

    long longInteger(String path) {
      JsonNode value = value(path);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new ContractException("limits.json " + path + " must be an integer: " + value);
      }
      return value.longValue();
    }

    double decimal(String path) {
      JsonNode value = value(path);
      if (!value.isNumber()) {
        throw new ContractException("limits.json " + path + " must be a number: " + value);
      }
      return value.doubleValue();
    }

    String text(String path) {
      JsonNode value = value(path);
      if (!value.isTextual()) {
        throw new ContractException("limits.json " + path + " must be a string: " + value);
      }
      return value.asText();
    }

    TranscodeLimits transcode(String path) {
      var rungs = new ArrayList<TranscodeRung>();
      JsonNode ladder = value(path + ".ladder");
      for (int i = 0; i < ladder.size(); i++) {
        // a rung is read from its own node: dot paths do not index into lists
        var rung = new Reader(ladder.get(i));
        rungs.add(
            new TranscodeRung(
                rung.text("name"),
                rung.integer("width"),
                rung.integer("height"),
                rung.integer("videoKbps"),
                rung.integer("audioKbps")));
      }
      if (rungs.isEmpty()) {
        throw new ContractException("limits.json " + path + ".ladder must list at least one rung");
      }
      return new TranscodeLimits(
          rungs,
          integer(path + ".keyframeIntervalSeconds"),
          integer(path + ".segmentSeconds"),
          integer(path + ".maxOutputFrameRate"),
          integer(path + ".audioChannels"),
          text(path + ".x264Preset"),
          decimal(path + ".rateControl.maxRateFactor"),
          decimal(path + ".rateControl.bufferFactor"),
          integer(path + ".maxDurationSeconds"),
          integer(path + ".minDimension"),
          integer(path + ".maxDimension"),
          decimal(path + ".thumbnail.positionFraction"),
          integer(path + ".thumbnail.width"),
          integer(path + ".storyboard.tileWidth"),
          integer(path + ".storyboard.columns"),
          integer(path + ".storyboard.rows"),
          integer(path + ".probeTimeoutSeconds"),
          integer(path + ".ffmpegTimeoutSeconds"));
    }

    List<String> strings(String path) {
      JsonNode value = value(path);
      if (!value.isArray()) {
        throw new ContractException("limits.json " + path + " must be a list: " + value);
      }
      var strings = new ArrayList<String>();
      value.forEach(item -> strings.add(item.asText()));
      return List.copyOf(strings);
    }

    LengthRange lengthRange(String path) {
      return new LengthRange(integer(path + ".min"), integer(path + ".max"));
    }

    StringListLimits stringList(String path) {
      return new StringListLimits(
          integer(path + ".maxItems"), integer(path + ".minLength"), integer(path + ".maxLength"));
    }

    Map<String, RateLimit> rateLimits(String path) {
      var limits = new LinkedHashMap<String, RateLimit>();
      for (Map.Entry<String, JsonNode> entry : value(path).properties()) {
        String action = path + "." + entry.getKey();
        limits.put(
            entry.getKey(),
            new RateLimit(integer(action + ".requests"), integer(action + ".windowSeconds")));
      }
      return limits;
    }
  }
}
