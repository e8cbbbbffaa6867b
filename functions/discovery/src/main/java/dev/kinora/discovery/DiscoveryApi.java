package dev.kinora.discovery;

import static dev.kinora.shared.http.Route.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.PageMeta;
import java.util.List;

/**
 * The discovery context over HTTP: trending, the home feed, related videos and a channel's videos.
 * Every route is public; the feed and related lists sit behind the optional-session authorizer (a
 * session personalises the feed, and a private video's owner still gets its related list). Every
 * list answers {@code VideoCardListResponse}; query parameters are checked against the contract
 * before any table is read.
 */
public final class DiscoveryApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String VIDEO_ID = "videoId";
  static final String CHANNEL = "idOrHandle";
  static final Routes<DiscoveryApi> ROUTES =
      Routes.of(
          get("/api/v1/trending", DiscoveryApi::trending),
          get("/api/v1/trending/categories", DiscoveryApi::trendingCategories),
          get("/api/v1/feed", DiscoveryApi::feed),
          get("/api/v1/videos/{" + VIDEO_ID + "}/related", DiscoveryApi::related),
          get("/api/v1/channels/{" + CHANNEL + "}/videos", DiscoveryApi::channelVideos));

  private final TrendingService trending;
  private final FeedService feed;
  private final RelatedService related;
  private final ChannelVideosService channelVideos;
  private final Contract contract;
  private final DiscoveryLimits.Paging paging;

  /** The constructor Lambda calls: clients and services built once per container. */
  public DiscoveryApi() {
    this(Wiring.fromEnvironment());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static DiscoveryApi using(Wiring wiring) {
    return new DiscoveryApi(wiring);
  }

  private DiscoveryApi(Wiring wiring) {
    this(
        wiring.trendingService(),
        wiring.feedService(),
        wiring.relatedService(),
        wiring.channelVideosService());
  }

  DiscoveryApi(
      TrendingService trending,
      FeedService feed,
      RelatedService related,
      ChannelVideosService channelVideos) {
    this.trending = trending;
    this.feed = feed;
    this.related = related;
    this.channelVideos = channelVideos;
    this.contract = Contract.load();
    this.paging = DiscoveryLimits.from(contract).paging();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse trending(ApiRequest request) {
    String category = category(request);
    int limit = limit(request);
    return list(trending.trending(category, cursor(request), limit));
  }

  private APIGatewayV2HTTPResponse trendingCategories(ApiRequest request) {
    return ApiResponses.ok(trending.categories());
  }

  private APIGatewayV2HTTPResponse feed(ApiRequest request) {
    int limit = limit(request);
    String userId = request.user().map(SessionUser::userId).orElse(null);
    return list(feed.feed(userId, cursor(request), limit));
  }

  private APIGatewayV2HTTPResponse related(ApiRequest request) {
    String videoId = pathValue(request, VIDEO_ID, "VideoId");
    return list(
        related.related(
            videoId,
            request.user().map(SessionUser::userId).orElse(null),
            request.user().map(SessionUser::isAdmin).orElse(false)));
  }

  private APIGatewayV2HTTPResponse channelVideos(ApiRequest request) {
    String channel = request.pathParam(CHANNEL);
    // An id or (@)handle is a ResourceId (as for accounts' GET /channels/{idOrHandle}): anything
    // longer or stranger names no channel, and never reaches DynamoDB as a key.
    String key = channel.startsWith("@") ? channel.substring(1) : channel;
    if (!contract.validate("ResourceId", TextNode.valueOf(key)).isEmpty()) {
      throw new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "No channel " + channel);
    }
    VideoCatalog.ChannelSort sort = sort(request);
    int limit = limit(request);
    return list(channelVideos.videos(channel, sort, cursor(request), limit));
  }

  private static APIGatewayV2HTTPResponse list(Page page) {
    return ApiResponses.ok(page.cards(), new PageMeta(page.nextCursor()));
  }

  /** A path value checked against its contract schema: malformed is 400 at {@code /<name>}. */
  private String pathValue(ApiRequest request, String name, String schema) {
    String value = request.pathParam(name);
    List<ValidationIssue> issues = contract.validate(schema, TextNode.valueOf(value));
    if (!issues.isEmpty()) {
      throw ApiException.validation(
          issues.stream()
              .map(issue -> new ValidationIssue("/" + name + issue.path(), issue.message()))
              .toList());
    }
    return value;
  }

  private String category(ApiRequest request) {
    String value = request.query("category").orElse(null);
    if (value == null) {
      return null;
    }
    List<ValidationIssue> issues = contract.validate("ListingCategory", TextNode.valueOf(value));
    if (!issues.isEmpty() || value.isBlank()) {
      throw invalidQuery("/category", "must be a category name (see video categories)");
    }
    return value;
  }

  private VideoCatalog.ChannelSort sort(ApiRequest request) {
    String value = request.query("sort").orElse("latest");
    if (!contract.validate("ChannelVideoSort", TextNode.valueOf(value)).isEmpty()) {
      throw invalidQuery("/sort", "must be latest or popular");
    }
    return value.equals("popular")
        ? VideoCatalog.ChannelSort.POPULAR
        : VideoCatalog.ChannelSort.LATEST;
  }

  private static String cursor(ApiRequest request) {
    return request.query("cursor").orElse(null);
  }

  private int limit(ApiRequest request) {
    return request.intQuery("limit", paging.defaultSize(), paging.min(), paging.max());
  }

  private static ApiException invalidQuery(String path, String message) {
    return ApiException.validation(List.of(new ValidationIssue(path, message)));
  }
}
