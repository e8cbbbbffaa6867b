package dev.kinora.uploads;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.log.Log;
import dev.kinora.shared.metrics.Metrics;
import dev.kinora.shared.model.UploadInitRequest;
import dev.kinora.shared.model.UploadPartUrl;
import dev.kinora.shared.model.UploadPartUrls;
import dev.kinora.shared.model.UploadSession;
import dev.kinora.shared.model.UploadStatus;
import dev.kinora.shared.model.Video;
import dev.kinora.shared.model.VideoMetadata;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Resumable uploads (DESIGN.md §5 Upload): init reserves the video and starts the storage's
 * multipart upload; the browser PUTs parts to presigned URLs; the session read lists the parts the
 * storage really holds; complete checks them, moves session and video in one atomic write and then
 * assembles the object; cancel and the expiry job abort.
 *
 * <p>Completion order, chosen for crash safety: (1) list and check the parts, (2) session active →
 * completed and video uploading → processing in one transaction, (3) assemble the object
 * (CompleteMultipartUpload), (4) mark the session assembled. The video is {@code processing} before
 * the object exists, so the transcode consumer that the object's creation event wakes never sees it
 * {@code uploading}. A crash after (2) leaves a completed, unassembled session: a retried complete
 * resumes at (3) (the storage's "no such upload" plus an object of the right size means (3) already
 * happened), and otherwise the expiry job finishes it on its next run.
 */
public final class UploadService {
  /** Why a video whose parts could not be assembled failed. */
  static final String ASSEMBLY_FAILED = "The uploaded parts could not be assembled";

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final UploadStore store;
  private final MultipartStorage storage;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final UploadAcceptance acceptance;
  private final SecureRandom random;
  private final Clock clock;

  public UploadService(
      UploadStore store,
      MultipartStorage storage,
      RateLimiter rateLimiter,
      Limits limits,
      SecureRandom random,
      Clock clock) {
    this.store = store;
    this.storage = storage;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
    this.acceptance = new UploadAcceptance(limits.upload());
    this.random = random;
    this.clock = clock;
  }

  public UploadAcceptance acceptance() {
    return acceptance;
  }

  /**
   * Starts an upload: reserves the video and creates the multipart upload under a key the server
   * chooses.
   *
   * @throws ApiException FILE_TOO_LARGE, UNSUPPORTED_FORMAT, RATE_LIMITED
   */
  public UploadSession init(SessionUser user, UploadInitRequest request) {
    Optional<ApiException> refusal = acceptance.refusal(request.fileSize(), request.mimeType());
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    rateLimiter.check("uploadInit", user.userId());
    Limits.UploadLimits rules = limits.upload();
    Instant now = clock.instant();
    String videoId = newVideoId();
    String key = Upload.sourceKey(videoId);
    String multipartUploadId =
        storage.start(key, request.mimeType(), Filenames.asMetadata(request.filename()));
    var upload =
        new Upload(
            "up_" + randomText(12),
            user.userId(),
            user.channelId(),
            videoId,
            request.filename(),
            request.fileSize(),
            request.mimeType(),
            rules.chunkSizeBytes(),
            Math.toIntExact(rules.partCount(request.fileSize())),
            UploadStatus.ACTIVE,
            key,
            multipartUploadId,
            now,
            now.plus(rules.sessionTtl()),
            false);
    // A crash between these two steps leaves only an orphaned multipart upload, which the raw
    // bucket's lifecycle rule aborts after a day.
    store.create(
        upload, Filenames.placeholderTitle(request.filename(), limits.video().title().max()), now);
    Metrics.count(Metrics.UPLOADS_STARTED);
    return view(upload, List.of(), now);
  }

  /** The caller's session with the part numbers the storage holds. */
  public UploadSession get(SessionUser user, String uploadId) {
    Upload upload = owned(user, uploadId);
    Instant now = clock.instant();
    List<Integer> uploaded =
        switch (upload.status()) {
          case ACTIVE -> storedPartNumbers(upload);
          case COMPLETED -> upload.assembled() ? allPartNumbers(upload) : storedOrAll(upload);
          case CANCELLED, EXPIRED -> List.of();
        };
    return view(upload, uploaded, now);
  }

  /**
   * Presigned PUT URLs for parts of an active session, valid for the configured time but never
   * beyond the session's expiry.
   *
   * @throws ApiException VALIDATION_ERROR (a part number above totalChunks, at its path),
   *     RATE_LIMITED, CONFLICT (completed or cancelled), UPLOAD_EXPIRED
   */
  public UploadPartUrls presignParts(SessionUser user, String uploadId, List<Integer> partNumbers) {
    Upload upload = owned(user, uploadId);
    List<ValidationIssue> issues = new ArrayList<>();
    for (int i = 0; i < partNumbers.size(); i++) {
      int partNumber = partNumbers.get(i);
      if (partNumber > upload.totalChunks()) {
        issues.add(
            new ValidationIssue(
                "/partNumbers/" + i,
                "Part "
                    + partNumber
                    + " does not exist: this upload has "
                    + upload.totalChunks()
                    + " part"
                    + (upload.totalChunks() == 1 ? "" : "s")));
      }
    }
    if (!issues.isEmpty()) {
      throw ApiException.validation(issues);
    }
    rateLimiter.check("uploadPartUrls", user.userId());
    Instant now = clock.instant();
    requireActive(upload, now);
    Duration untilExpiry = Duration.between(now, upload.expiresAt());
    Duration validFor =
        untilExpiry.compareTo(limits.upload().presignedUrlTtl()) < 0
            ? untilExpiry
            : limits.upload().presignedUrlTtl();
    List<UploadPartUrl> urls =
        partNumbers.stream()
            .distinct()
            .map(
                partNumber ->
                    new UploadPartUrl(
                        partNumber,
                        storage
                            .presignPart(
                                upload.sourceKey(),
                                upload.multipartUploadId(),
                                partNumber,
                                validFor)
                            .toString()))
            .toList();
    return new UploadPartUrls(urls, now.plus(validFor));
  }

  /**
   * Cancels an active session: the reserved video is deleted and the stored parts with the
   * multipart upload.
   *
   * @throws ApiException CONFLICT (completed or cancelled), UPLOAD_EXPIRED
   */
  public void cancel(SessionUser user, String uploadId) {
    Upload upload = owned(user, uploadId);
    Instant now = clock.instant();
    requireActive(upload, now);
    if (!store.cancel(upload, user.userId(), now)) {
      requireActive(reread(upload), now); // someone else moved it: answer what it is now
      throw new IllegalStateException("cancel of active upload " + uploadId + " was refused");
    }
    // After the state change: a crash here leaves parts the bucket's lifecycle rule aborts.
    storage.abort(upload.sourceKey(), upload.multipartUploadId());
  }

  /**
   * Completes the upload with the video's metadata; see the class comment for the order of steps.
   *
   * @return the video, now processing
   * @throws ApiException UPLOAD_INCOMPLETE, CONFLICT, UPLOAD_EXPIRED
   */
  public Video complete(SessionUser user, String uploadId, VideoMetadata metadata) {
    Upload upload = owned(user, uploadId);
    Instant now = clock.instant();
    if (upload.status() == UploadStatus.COMPLETED && !upload.assembled()) {
      return assembleAndRead(upload, now); // a completion a crash interrupted: finish it
    }
    requireActive(upload, now);
    List<MultipartStorage.StoredPart> parts =
        storage
            .listParts(upload.sourceKey(), upload.multipartUploadId())
            .orElseThrow(() -> expired(upload));
    requireWholeFile(upload, parts);
    if (!store.complete(upload, user.userId(), metadata, now)) {
      Upload current = reread(upload);
      if (current.status() == UploadStatus.COMPLETED) {
        throw new ApiException(ErrorCode.CONFLICT, "This upload was completed by another request");
      }
      requireActive(current, now);
      throw new IllegalStateException("completion of active upload " + uploadId + " was refused");
    }
    Metrics.count(Metrics.UPLOADS_COMPLETED);
    return assembleAndRead(upload, now);
  }

  /**
   * What one run of the expiry job did: sessions expired, interrupted completions assembled, and
   * sessions that failed (could not be assembled, or an error left them due for the next run).
   */
  public record ExpirySweep(int expired, int assembled, int failed) {}

  /**
   * The scheduled job: expires active sessions past their expiry (aborting their multipart uploads,
   * deleting their reserved videos) and finishes completions a crash interrupted.
   */
  public ExpirySweep expireDue() {
    Instant now = clock.instant();
    int expired = 0;
    int assembled = 0;
    int failed = 0;
    for (Upload upload : store.findDue(now)) {
      try {
        if (upload.status() == UploadStatus.ACTIVE) {
          if (upload.isPastExpiry(now) && store.expire(upload, now)) {
            storage.abort(upload.sourceKey(), upload.multipartUploadId());
            expired++;
          }
        } else if (upload.status() == UploadStatus.COMPLETED && !upload.assembled()) {
          if (assemble(upload, now)) {
            assembled++;
          } else {
            failed++;
          }
        }
      } catch (RuntimeException e) {
        // One session's trouble must not stop the sweep; it stays due and the next run retries it.
        Log.warn("upload expiry failed", Map.of("uploadId", upload.id()), e);
        failed++;
      }
    }
    return new ExpirySweep(expired, assembled, failed);
  }

  private Video assembleAndRead(Upload upload, Instant now) {
    if (!assemble(upload, now)) {
      throw new ApiException(
          ErrorCode.UPLOAD_EXPIRED, "The uploaded parts are gone; please upload the file again");
    }
    return store
        .findVideo(upload.videoId())
        .orElseThrow(() -> new IllegalStateException("no video " + upload.videoId()));
  }

  /**
   * Steps (3) and (4) of a completion: idempotent, so a retry or the expiry job may repeat them.
   *
   * @return false if the object cannot be assembled any more (the video is failed then)
   */
  private boolean assemble(Upload upload, Instant now) {
    Optional<List<MultipartStorage.StoredPart>> parts =
        storage.listParts(upload.sourceKey(), upload.multipartUploadId());
    boolean whole;
    if (parts.isPresent() && incompleteReason(upload, parts.get()).isEmpty()) {
      whole =
          storage.complete(
                  upload.sourceKey(), upload.multipartUploadId(), ofThisUpload(upload, parts.get()))
              || alreadyAssembled(upload);
    } else {
      // Gone or emptied: S3 answers NoSuchUpload once an upload is completed, the local S3 server
      // an empty part list. Either way an object of the right size means it was assembled before.
      whole = alreadyAssembled(upload);
    }
    if (!whole) {
      store.failVideo(upload.videoId(), ASSEMBLY_FAILED, now);
    }
    store.markAssembled(upload, now);
    return whole;
  }

  /** The multipart upload is gone: did a completion before this one assemble the object? */
  private boolean alreadyAssembled(Upload upload) {
    return storage.objectSize(upload.sourceKey()).orElse(-1) == upload.fileSize();
  }

  private static List<MultipartStorage.StoredPart> ofThisUpload(
      Upload upload, List<MultipartStorage.StoredPart> parts) {
    return parts.stream().filter(p -> p.partNumber() <= upload.totalChunks()).toList();
  }

  private static void requireWholeFile(Upload upload, List<MultipartStorage.StoredPart> parts) {
    Optional<UploadIncompleteException> reason = incompleteReason(upload, parts);
    if (reason.isPresent()) {
      throw reason.get();
    }
  }

  /**
   * Every part 1..totalChunks present, each of the size the chunking gives it (so the total equals
   * fileSize and the storage accepts the part sizes).
   */
  private static Optional<UploadIncompleteException> incompleteReason(
      Upload upload, List<MultipartStorage.StoredPart> parts) {
    Map<Integer, MultipartStorage.StoredPart> byNumber =
        parts.stream()
            .collect(
                Collectors.toMap(
                    MultipartStorage.StoredPart::partNumber, Function.identity(), (a, b) -> b));
    List<Integer> missing =
        IntStream.rangeClosed(1, upload.totalChunks())
            .filter(n -> !byNumber.containsKey(n))
            .boxed()
            .toList();
    if (!missing.isEmpty()) {
      return Optional.of(
          new UploadIncompleteException(
              missing.size()
                  + " of "
                  + upload.totalChunks()
                  + " parts are missing; upload them and complete again",
              missing));
    }
    long stored = 0;
    List<String> wrongSizes = new ArrayList<>();
    for (int n = 1; n <= upload.totalChunks(); n++) {
      long size = byNumber.get(n).size();
      stored += size;
      if (size != upload.expectedPartSize(n)) {
        wrongSizes.add(
            "part " + n + " has " + size + " bytes, expected " + upload.expectedPartSize(n));
      }
    }
    if (!wrongSizes.isEmpty()) {
      return Optional.of(
          new UploadIncompleteException(
              "The stored parts hold "
                  + stored
                  + " bytes but the file has "
                  + upload.fileSize()
                  + " ("
                  + String.join("; ", wrongSizes)
                  + "); upload those parts again",
              List.of()));
    }
    return Optional.empty();
  }

  /** The session of {@code uploadId} if the caller owns it. */
  private Upload owned(SessionUser user, String uploadId) {
    Upload upload =
        store
            .find(uploadId)
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No upload " + uploadId));
    if (!upload.ownerId().equals(user.userId())) {
      throw new ApiException(ErrorCode.FORBIDDEN, "This upload belongs to another account");
    }
    return upload;
  }

  private Upload reread(Upload upload) {
    return store
        .find(upload.id())
        .orElseThrow(() -> new IllegalStateException("upload " + upload.id() + " vanished"));
  }

  /** Refuses anything but an active session before its expiry, with the code of its state. */
  private static void requireActive(Upload upload, Instant now) {
    ApiException refusal =
        switch (upload.visibleStatus(now)) {
          case ACTIVE -> null;
          case COMPLETED ->
              new ApiException(ErrorCode.CONFLICT, "This upload is already completed");
          case CANCELLED -> new ApiException(ErrorCode.CONFLICT, "This upload was cancelled");
          case EXPIRED -> expired(upload);
        };
    if (refusal != null) {
      throw refusal;
    }
  }

  private static ApiException expired(Upload upload) {
    return new ApiException(
        ErrorCode.UPLOAD_EXPIRED,
        "This upload expired at " + upload.expiresAt() + "; please start it again");
  }

  private List<Integer> storedPartNumbers(Upload upload) {
    return storage
        .listParts(upload.sourceKey(), upload.multipartUploadId())
        .map(
            parts ->
                parts.stream()
                    .map(MultipartStorage.StoredPart::partNumber)
                    .filter(n -> n <= upload.totalChunks())
                    .toList())
        .orElse(List.of());
  }

  /** A completion in flight: the parts if the multipart upload still exists, else all of them. */
  private List<Integer> storedOrAll(Upload upload) {
    return storage
        .listParts(upload.sourceKey(), upload.multipartUploadId())
        .map(parts -> parts.stream().map(MultipartStorage.StoredPart::partNumber).toList())
        .orElseGet(() -> allPartNumbers(upload));
  }

  private static List<Integer> allPartNumbers(Upload upload) {
    return IntStream.rangeClosed(1, upload.totalChunks()).boxed().toList();
  }

  private static UploadSession view(Upload upload, List<Integer> uploadedChunks, Instant now) {
    return new UploadSession(
        upload.id(),
        upload.ownerId(),
        upload.videoId(),
        upload.filename(),
        upload.fileSize(),
        upload.mimeType(),
        upload.chunkSize(),
        upload.totalChunks(),
        uploadedChunks,
        upload.visibleStatus(now),
        upload.expiresAt(),
        upload.createdAt());
  }

  /** A video id: video.idLength base64url characters (6 random bits each). */
  private String newVideoId() {
    int length = limits.video().idLength();
    return randomText((length * 6 + 7) / 8).substring(0, length);
  }

  private String randomText(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return BASE64URL.encodeToString(buffer);
  }
}
