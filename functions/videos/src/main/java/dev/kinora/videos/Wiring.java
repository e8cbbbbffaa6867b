package dev.kinora.videos;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.S3Clients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.discovery.ViewBuckets;
import dev.kinora.videos.captions.CaptionService;
import dev.kinora.videos.captions.DynamoCaptionTracks;
import dev.kinora.videos.captions.S3CaptionMedia;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain constructors, once per container. Configuration (template.yaml gives it): {@code
 * VIDEOS_TABLE}, {@code ACCOUNTS_TABLE} (channels, read only), {@code WATCH_PROGRESS_TABLE}, {@code
 * VIEW_MARKERS_TABLE}, {@code MEDIA_BUCKET}, {@code RAW_BUCKET}, {@code ENGAGEMENT_TABLE} (the
 * viewer's rating, read only), {@code DISCOVERY_TABLE} (hourly view buckets, ADD only).
 */
public final class Wiring {
  private final Config config;
  private final Limits limits = Contract.load().limits();
  private final DynamoDbClient dynamoDb;
  private VideoService videoService;
  private CaptionService captionService;

  private Wiring(Config config) {
    this.config = config;
    this.dynamoDb = AwsClients.dynamoDb(config);
  }

  public static Wiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static Wiring from(Config config) {
    return new Wiring(config);
  }

  public Limits limits() {
    return limits;
  }

  /** Signed cookies for the CDN's media behaviour; disabled without a key (the local cloud). */
  public MediaCookies mediaCookies() {
    return MediaCookies.of(
        config.find("MEDIA_KEY_PAIR_ID").orElse(""),
        config.find("MEDIA_SIGNING_KEY").orElse(""),
        limits.media().signedCookieTtl());
  }

  public synchronized VideoService videoService() {
    if (videoService == null) {
      String videos = config.require("VIDEOS_TABLE");
      videoService =
          new VideoService(
              new DynamoVideoStore(dynamoDb, videos),
              new DynamoChannelDirectory(dynamoDb, config.require("ACCOUNTS_TABLE")),
              new DynamoWatchProgressStore(dynamoDb, config.require("WATCH_PROGRESS_TABLE")),
              new DynamoViewLedger(
                  dynamoDb,
                  config.require("VIEW_MARKERS_TABLE"),
                  videos,
                  config.require("DISCOVERY_TABLE"),
                  ViewBuckets.fromContract(Contract.load())),
              new DynamoRatings(dynamoDb, config.require("ENGAGEMENT_TABLE")),
              new S3MediaStore(
                  S3Clients.s3(config),
                  config.require("MEDIA_BUCKET"),
                  config.require("RAW_BUCKET")),
              new UncachedCdnInvalidation(),
              new ViewRule(limits.view().minWatchSeconds(), limits.view().minWatchFraction()),
              limits.view().dedupWindow(),
              Clock.systemUTC());
    }
    return videoService;
  }

  /** Caption tracks: the video service's access rules, the row's map, the media bucket. */
  public synchronized CaptionService captionService() {
    if (captionService == null) {
      Contract contract = Contract.load();
      captionService =
          new CaptionService(
              videoService(),
              new DynamoCaptionTracks(dynamoDb, config.require("VIDEOS_TABLE")),
              new S3CaptionMedia(
                  S3Clients.s3(config),
                  config.require("MEDIA_BUCKET"),
                  limits.media().playlistMaxAgeSeconds()),
              new CaptionService.Limits(
                  contract.limitInteger("captions.maxFileBytes"),
                  contract.limitInteger("captions.maxCues"),
                  contract.limitInteger("captions.maxTracksPerVideo")),
              Clock.systemUTC());
    }
    return captionService;
  }
}
