package dev.kinora.engagement;

import static dev.kinora.shared.http.Route.delete;
import static dev.kinora.shared.http.Route.get;
import static dev.kinora.shared.http.Route.patch;
import static dev.kinora.shared.http.Route.post;
import static dev.kinora.shared.http.Route.put;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.CommentCreateRequest;
import dev.kinora.shared.model.CommentSort;
import dev.kinora.shared.model.CommentUpdateRequest;
import dev.kinora.shared.model.PageMeta;
import dev.kinora.shared.model.RatingRequest;
import dev.kinora.shared.model.SubscribedChannel;
import dev.kinora.shared.model.SubscriptionRequest;
import dev.kinora.shared.model.VideoCard;
import java.util.List;

/**
 * The engagement context over HTTP: ratings and comments. Guarded routes ask for the session before
 * anything else (a request without one is a 401 whatever its path or body); the two list routes are
 * public behind the optional-session authorizer, so a video's owner also reads the comments of
 * their private video.
 */
public final class EngagementApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String VIDEO_ID = "videoId";
  static final String COMMENT_ID = "commentId";
  static final String CHANNEL_ID = "channelId";
  static final String NOTIFICATION_ID = "notificationId";
  static final Routes<EngagementApi> ROUTES =
      Routes.of(
          put("/api/v1/videos/{" + VIDEO_ID + "}/rating", EngagementApi::rate),
          get("/api/v1/videos/{" + VIDEO_ID + "}/comments", EngagementApi::listComments),
          post("/api/v1/videos/{" + VIDEO_ID + "}/comments", EngagementApi::createComment),
          get("/api/v1/comments/{" + COMMENT_ID + "}/replies", EngagementApi::listReplies),
          patch("/api/v1/comments/{" + COMMENT_ID + "}", EngagementApi::updateComment),
          delete("/api/v1/comments/{" + COMMENT_ID + "}", EngagementApi::deleteComment),
          get("/api/v1/channels/{" + CHANNEL_ID + "}/subscription", EngagementApi::subscription),
          put("/api/v1/channels/{" + CHANNEL_ID + "}/subscription", EngagementApi::subscribe),
          delete("/api/v1/channels/{" + CHANNEL_ID + "}/subscription", EngagementApi::unsubscribe),
          get("/api/v1/me/subscriptions", EngagementApi::mySubscriptions),
          get("/api/v1/me/subscriptions/videos", EngagementApi::subscriptionUploads),
          get("/api/v1/notifications", EngagementApi::notifications),
          post("/api/v1/notifications/read-all", EngagementApi::markAllRead),
          post("/api/v1/notifications/{" + NOTIFICATION_ID + "}/read", EngagementApi::markRead));

  private final RatingService ratings;
  private final CommentService comments;
  private final SubscriptionService subscriptions;
  private final NotificationService notifications;
  private final Contract contract;
  private final Limits.PaginationLimits pagination;

  /** The constructor Lambda calls: clients and services built once per container. */
  public EngagementApi() {
    this(Wiring.fromEnvironment());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static EngagementApi using(Wiring wiring) {
    return new EngagementApi(wiring);
  }

  private EngagementApi(Wiring wiring) {
    this(
        wiring.ratingService(),
        wiring.commentService(),
        wiring.subscriptionService(),
        wiring.notificationService());
  }

  EngagementApi(
      RatingService ratings,
      CommentService comments,
      SubscriptionService subscriptions,
      NotificationService notifications) {
    this.ratings = ratings;
    this.comments = comments;
    this.subscriptions = subscriptions;
    this.notifications = notifications;
    this.contract = Contract.load();
    this.pagination = contract.limits().pagination();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse rate(ApiRequest request) {
    SessionUser user = request.requireUser();
    String videoId = pathId(request, VIDEO_ID, "VideoId");
    RatingRequest body = request.body("RatingRequest", RatingRequest.class);
    return ApiResponses.ok(ratings.rate(videoId, user, body.value()));
  }

  private APIGatewayV2HTTPResponse listComments(ApiRequest request) {
    String videoId = pathId(request, VIDEO_ID, "VideoId");
    CommentSort sort = sort(request);
    int limit = limit(request);
    Page<StoredComment> page =
        comments.list(videoId, request.user(), sort, request.query("cursor").orElse(null), limit);
    return list(page);
  }

  private APIGatewayV2HTTPResponse createComment(ApiRequest request) {
    SessionUser user = request.requireUser();
    String videoId = pathId(request, VIDEO_ID, "VideoId");
    CommentCreateRequest body = request.body("CommentCreateRequest", CommentCreateRequest.class);
    return ApiResponses.created(comments.create(videoId, user, body).toApi());
  }

  private APIGatewayV2HTTPResponse listReplies(ApiRequest request) {
    String commentId = pathId(request, COMMENT_ID, "ResourceId");
    int limit = limit(request);
    return list(
        comments.replies(commentId, request.user(), request.query("cursor").orElse(null), limit));
  }

  private APIGatewayV2HTTPResponse updateComment(ApiRequest request) {
    SessionUser user = request.requireUser();
    String commentId = pathId(request, COMMENT_ID, "ResourceId");
    CommentUpdateRequest body = request.body("CommentUpdateRequest", CommentUpdateRequest.class);
    return ApiResponses.ok(comments.edit(commentId, user, body.text()).toApi());
  }

  private APIGatewayV2HTTPResponse deleteComment(ApiRequest request) {
    SessionUser user = request.requireUser();
    String commentId = pathId(request, COMMENT_ID, "ResourceId");
    comments.delete(commentId, user);
    return ApiResponses.noContent();
  }

  private APIGatewayV2HTTPResponse subscription(ApiRequest request) {
    SessionUser user = request.requireUser();
    String channelId = pathId(request, CHANNEL_ID, "ResourceId");
    return ApiResponses.ok(subscriptions.state(channelId, user));
  }

  private APIGatewayV2HTTPResponse subscribe(ApiRequest request) {
    SessionUser user = request.requireUser();
    String channelId = pathId(request, CHANNEL_ID, "ResourceId");
    SubscriptionRequest body = request.body("SubscriptionRequest", SubscriptionRequest.class);
    return ApiResponses.ok(subscriptions.subscribe(channelId, user, body.preference()));
  }

  private APIGatewayV2HTTPResponse unsubscribe(ApiRequest request) {
    SessionUser user = request.requireUser();
    String channelId = pathId(request, CHANNEL_ID, "ResourceId");
    return ApiResponses.ok(subscriptions.unsubscribe(channelId, user));
  }

  private APIGatewayV2HTTPResponse mySubscriptions(ApiRequest request) {
    SessionUser user = request.requireUser();
    int limit = limit(request);
    Page<SubscribedChannel> page =
        subscriptions.mine(user, request.query("cursor").orElse(null), limit);
    return ApiResponses.ok(page.items(), new PageMeta(page.nextCursor()));
  }

  private APIGatewayV2HTTPResponse subscriptionUploads(ApiRequest request) {
    SessionUser user = request.requireUser();
    int limit = limit(request);
    Page<VideoCard> page = subscriptions.uploads(user, request.query("cursor").orElse(null), limit);
    return ApiResponses.ok(page.items(), new PageMeta(page.nextCursor()));
  }

  private APIGatewayV2HTTPResponse notifications(ApiRequest request) {
    SessionUser user = request.requireUser();
    int limit = limit(request);
    NotificationService.Listed listed =
        notifications.list(user, request.query("cursor").orElse(null), limit);
    return ApiResponses.okWithMeta(
        listed.page().items(),
        new NotificationListMeta(listed.page().nextCursor(), listed.unreadCount()));
  }

  private APIGatewayV2HTTPResponse markRead(ApiRequest request) {
    SessionUser user = request.requireUser();
    String notificationId = pathId(request, NOTIFICATION_ID, "VideoId");
    return ApiResponses.ok(notifications.markRead(user, notificationId));
  }

  private APIGatewayV2HTTPResponse markAllRead(ApiRequest request) {
    SessionUser user = request.requireUser();
    return ApiResponses.ok(notifications.markAllRead(user));
  }

  /** Schema {@code NotificationListMeta}: the page's cursor and the caller's unread count. */
  record NotificationListMeta(String nextCursor, long unreadCount) {}

  private static APIGatewayV2HTTPResponse list(Page<StoredComment> page) {
    return ApiResponses.ok(
        page.items().stream().map(StoredComment::toApi).toList(), new PageMeta(page.nextCursor()));
  }

  /** A path id checked against its contract schema: malformed is 400 at {@code /<name>}. */
  private String pathId(ApiRequest request, String name, String schema) {
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

  private CommentSort sort(ApiRequest request) {
    String value = request.query("sort").orElse("newest");
    List<ValidationIssue> issues = contract.validate("CommentSort", TextNode.valueOf(value));
    if (!issues.isEmpty()) {
      throw invalidQuery("/sort", "must be newest or top");
    }
    return value.equals("top") ? CommentSort.TOP : CommentSort.NEWEST;
  }

  private int limit(ApiRequest request) {
    return request.intQuery(
        "limit", pagination.defaultPageSize(), pagination.minPageSize(), pagination.maxPageSize());
  }

  private static ApiException invalidQuery(String path, String message) {
    return ApiException.validation(List.of(new ValidationIssue(path, message)));
  }
}
