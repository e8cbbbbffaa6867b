package dev.kinora.videos;

import static dev.kinora.shared.http.Route.delete;
import static dev.kinora.shared.http.Route.get;
import static dev.kinora.shared.http.Route.patch;
import static dev.kinora.shared.http.Route.post;
import static dev.kinora.shared.http.Route.put;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.json.Json;
import dev.kinora.shared.model.CaptionTrackUpload;
import dev.kinora.shared.model.PageMeta;
import dev.kinora.shared.model.VideoUpdateRequest;
import dev.kinora.shared.model.ViewRequest;
import dev.kinora.shared.model.WatchProgressUpdate;
import dev.kinora.videos.captions.CaptionService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The videos context over HTTP. Reading a video and recording a view are public, yet know the
 * caller when a session exists: those routes sit behind the optional-session authorizer
 * (template.yaml), so {@link ApiRequest#user()} names the caller or is empty. Editing, deleting,
 * progress and history need a session.
 */
public final class VideosApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String VIDEO_ID = "videoId";
  static final String LANGUAGE = "language";
  private static final String VIDEO = "/api/v1/videos/{" + VIDEO_ID + "}";
  static final Routes<VideosApi> ROUTES =
      Routes.of(
          get(VIDEO, VideosApi::getVideo),
          patch(VIDEO, VideosApi::updateVideo),
          delete(VIDEO, VideosApi::deleteVideo),
          put(VIDEO + "/progress", VideosApi::saveProgress),
          post(VIDEO + "/views", VideosApi::recordView),
          get(VIDEO + "/captions", VideosApi::listCaptions),
          put(VIDEO + "/captions/{" + LANGUAGE + "}", VideosApi::putCaption),
          delete(VIDEO + "/captions/{" + LANGUAGE + "}", VideosApi::deleteCaption),
          get("/api/v1/me/history", VideosApi::history),
          get("/api/v1/oembed", VideosApi::oembed));

  private final VideoService videos;
  private final Contract contract;
  private final Limits limits;
  private final MediaCookies mediaCookies;
  private final Clock clock;
  private final OEmbed oembed;
  private final CaptionService captions;

  /** The constructor Lambda calls: clients and services built once per container. */
  public VideosApi() {
    this(Wiring.fromEnvironment());
  }

  private VideosApi(Wiring wiring) {
    this(
        wiring.videoService(),
        wiring.captionService(),
        wiring.limits(),
        wiring.mediaCookies(),
        Clock.systemUTC());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static VideosApi using(Wiring wiring) {
    return new VideosApi(wiring);
  }

  VideosApi(VideoService videos, CaptionService captions, Limits limits) {
    this(videos, captions, limits, MediaCookies.disabled(), Clock.systemUTC());
  }

  VideosApi(
      VideoService videos,
      CaptionService captions,
      Limits limits,
      MediaCookies mediaCookies,
      Clock clock) {
    this.videos = videos;
    this.captions = captions;
    this.contract = Contract.load();
    this.limits = limits;
    this.oembed = new OEmbed(contract.limitsValue("oembed"), limits.transcode().thumbnailWidth());
    this.mediaCookies = mediaCookies;
    this.clock = clock;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  /**
   * The video plus its channel and the caller's state. An anonymous caller without a viewer cookie
   * gets one here, so the view it may record later is deduplicated by it, not by IP.
   */
  private APIGatewayV2HTTPResponse getVideo(ApiRequest request) {
    String videoId = videoId(request);
    Optional<SessionUser> user = request.user();
    VideoService.Detail detail = videos.detail(videoId, user);
    ObjectNode data = Json.mapper().valueToTree(detail.video().toApi());
    data.set("channel", Json.mapper().valueToTree(detail.channel()));
    data.set("viewer", Json.mapper().valueToTree(detail.viewer()));
    APIGatewayV2HTTPResponse response = ApiResponses.ok(data);
    response.setCookies(new ArrayList<>(mediaCookies.issue(videoId, clock.instant())));
    return withViewerCookie(request, user, response);
  }

  private APIGatewayV2HTTPResponse updateVideo(ApiRequest request) {
    SessionUser user = request.requireUser(); // who asks before what they ask: 401 beats 400
    String videoId = videoId(request);
    VideoUpdateRequest changes = request.body("VideoUpdateRequest", VideoUpdateRequest.class);
    return ApiResponses.ok(videos.update(videoId, user.userId(), changes).toApi());
  }

  private APIGatewayV2HTTPResponse deleteVideo(ApiRequest request) {
    SessionUser user = request.requireUser();
    videos.delete(videoId(request), user.userId());
    return ApiResponses.noContent();
  }

  private APIGatewayV2HTTPResponse saveProgress(ApiRequest request) {
    SessionUser user = request.requireUser();
    String videoId = videoId(request);
    WatchProgressUpdate update = request.body("WatchProgressUpdate", WatchProgressUpdate.class);
    return ApiResponses.ok(videos.saveProgress(videoId, user.userId(), update));
  }

  private APIGatewayV2HTTPResponse recordView(ApiRequest request) {
    String videoId = videoId(request);
    ViewRequest body = request.body("ViewRequest", ViewRequest.class);
    Optional<SessionUser> user = request.user();
    Viewer viewer =
        user.map(u -> Viewer.signedIn(u.userId()))
            .orElseGet(
                () ->
                    Viewer.anonymous(
                        ViewerCookie.value(request)
                            .map(cookie -> "cookie:" + cookie)
                            .orElseGet(() -> "ip:" + request.sourceIp().orElse("unknown"))));
    return withViewerCookie(
        request, user, ApiResponses.ok(videos.recordView(videoId, viewer, body.watchedSeconds())));
  }

  /** A video's caption tracks, for whoever may see the video. */
  private APIGatewayV2HTTPResponse listCaptions(ApiRequest request) {
    String videoId = videoId(request);
    return ApiResponses.ok(
        captions.list(videoId, request.user().map(SessionUser::userId).orElse(null)));
  }

  private APIGatewayV2HTTPResponse putCaption(ApiRequest request) {
    SessionUser user = request.requireUser();
    String videoId = videoId(request);
    String language = CaptionService.language(request.pathParam(LANGUAGE));
    CaptionTrackUpload upload = request.body("CaptionTrackUpload", CaptionTrackUpload.class);
    return ApiResponses.ok(captions.put(videoId, user.userId(), language, upload));
  }

  private APIGatewayV2HTTPResponse deleteCaption(ApiRequest request) {
    SessionUser user = request.requireUser();
    String videoId = videoId(request);
    captions.delete(videoId, user.userId(), CaptionService.language(request.pathParam(LANGUAGE)));
    return ApiResponses.noContent();
  }

  private APIGatewayV2HTTPResponse history(ApiRequest request) {
    SessionUser user = request.requireUser();
    int limit = pageSize(request);
    VideoService.HistoryPage page =
        videos.history(user.userId(), request.query("cursor").orElse(null), limit);
    return ApiResponses.ok(page.entries(), new PageMeta(page.nextCursor().orElse(null)));
  }

  /**
   * oEmbed for a watch or embed link, answered bare (the oEmbed format, not the data envelope).
   * Asked anonymously like every consumer does: a private video is VIDEO_NOT_FOUND.
   */
  private APIGatewayV2HTTPResponse oembed(ApiRequest request) {
    List<ValidationIssue> issues = new ArrayList<>();
    int maxUrl = contract.limitsValue("oembed.maxUrlLength").intValue();
    Optional<String> url = request.query("url");
    Optional<OEmbed.Link> link = url.filter(u -> u.length() <= maxUrl).flatMap(OEmbed::parse);
    if (link.isEmpty()) {
      issues.add(
          new ValidationIssue(
              "/url",
              "must be a Kinora watch or embed link (http(s)://…/watch/{id}) of at most "
                  + maxUrl
                  + " characters"));
    }
    if (request.query("format").filter(format -> !format.equals("json")).isPresent()) {
      issues.add(new ValidationIssue("/format", "only json is offered"));
    }
    Integer maxWidth = dimension(request, "maxwidth", issues);
    Integer maxHeight = dimension(request, "maxheight", issues);
    if (!issues.isEmpty()) {
      throw ApiException.validation(issues);
    }
    VideoService.Detail detail = videos.detail(link.get().videoId(), Optional.empty());
    return ApiResponses.bare(
        oembed.response(link.get(), detail.video(), detail.channel(), maxWidth, maxHeight));
  }

  /** An optional positive pixel size; anything else is reported at {@code /name}. */
  private static Integer dimension(ApiRequest request, String name, List<ValidationIssue> issues) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= 1 && value <= 100_000) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below like an out-of-range number
    }
    issues.add(new ValidationIssue("/" + name, "must be a whole number of pixels from 1"));
    return null;
  }

  private int pageSize(ApiRequest request) {
    Limits.PaginationLimits paging = limits.pagination();
    return request.intQuery(
        "limit", paging.defaultPageSize(), paging.minPageSize(), paging.maxPageSize());
  }

  private APIGatewayV2HTTPResponse withViewerCookie(
      ApiRequest request, Optional<SessionUser> user, APIGatewayV2HTTPResponse response) {
    if (user.isEmpty() && ViewerCookie.value(request).isEmpty()) {
      List<String> cookies =
          new ArrayList<>(response.getCookies() == null ? List.of() : response.getCookies());
      cookies.add(ViewerCookie.issue(limits.view().viewerCookieMaxAgeDays()));
      response.setCookies(cookies);
    }
    return response;
  }

  /**
   * The path's video id, checked against the contract's {@code VideoId} (length and alphabet): a
   * malformed id is a 400 VALIDATION_ERROR at {@code /videoId}, and never reaches the table.
   */
  private String videoId(ApiRequest request) {
    String videoId = request.pathParam(VIDEO_ID);
    List<ValidationIssue> issues = contract.validate("VideoId", TextNode.valueOf(videoId));
    if (!issues.isEmpty()) {
      throw ApiException.validation(
          issues.stream()
              .map(issue -> new ValidationIssue("/" + VIDEO_ID + issue.path(), issue.message()))
              .toList());
    }
    return videoId;
  }
}
