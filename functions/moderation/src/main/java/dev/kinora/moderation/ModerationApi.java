package dev.kinora.moderation;

import static dev.kinora.shared.http.Route.get;
import static dev.kinora.shared.http.Route.post;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kinora.moderation.ModerationStore.AlreadyOpen;
import dev.kinora.moderation.ModerationStore.InvalidCursorException;
import dev.kinora.moderation.ModerationStore.Opened;
import dev.kinora.moderation.ModerationStore.QueuePage;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.PageMeta;
import java.util.List;

/**
 * The moderation context over HTTP. Every route needs a session (401 first, whatever the path or
 * body); the admin routes then need the {@code admin} role the authorizer read from the account
 * (403 otherwise), before any id or body is looked at.
 */
public final class ModerationApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String VIDEO_ID = "videoId";
  static final String COMMENT_ID = "commentId";
  static final String TARGET_KIND = "targetKind";
  static final String TARGET_ID = "targetId";
  static final Routes<ModerationApi> ROUTES =
      Routes.of(
          post("/api/v1/reports", ModerationApi::report),
          get("/api/v1/admin/reports", ModerationApi::queue),
          post(
              "/api/v1/admin/reports/{" + TARGET_KIND + "}/{" + TARGET_ID + "}/dismiss",
              ModerationApi::dismiss),
          post("/api/v1/admin/videos/{" + VIDEO_ID + "}/block", ModerationApi::block),
          post("/api/v1/admin/videos/{" + VIDEO_ID + "}/unblock", ModerationApi::unblock),
          post("/api/v1/admin/comments/{" + COMMENT_ID + "}/remove", ModerationApi::removeComment),
          get("/api/v1/admin/audit", ModerationApi::audit));

  private final ModerationService moderation;
  private final Contract contract;
  private final Limits.PaginationLimits pagination;

  /** The constructor Lambda calls: clients and services built once per container. */
  public ModerationApi() {
    this(Wiring.fromEnvironment().moderationService());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static ModerationApi using(Wiring wiring) {
    return new ModerationApi(wiring.moderationService());
  }

  ModerationApi(ModerationService moderation) {
    this.moderation = moderation;
    this.contract = Contract.load();
    this.pagination = contract.limits().pagination();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse report(ApiRequest request) {
    SessionUser user = request.requireUser();
    ReportCreateRequest body = request.body("ReportCreateRequest", ReportCreateRequest.class);
    return switch (moderation.report(user, body)) {
      case Opened opened -> ApiResponses.created(opened.report());
      case AlreadyOpen open -> ApiResponses.ok(open.report());
    };
  }

  private APIGatewayV2HTTPResponse queue(ApiRequest request) {
    SessionUser user = admin(request);
    int limit =
        request.intQuery(
            "limit",
            pagination.defaultPageSize(),
            pagination.minPageSize(),
            pagination.maxPageSize());
    QueuePage page;
    try {
      page = moderation.queue(user, request.query("cursor").orElse(null), limit);
    } catch (InvalidCursorException e) {
      throw invalid("/cursor", e.getMessage());
    }
    return ApiResponses.ok(page.entries(), new PageMeta(page.nextCursor()));
  }

  private APIGatewayV2HTTPResponse dismiss(ApiRequest request) {
    SessionUser user = admin(request);
    Target target =
        new Target(
            path(request, TARGET_KIND, "ReportTargetKind"), path(request, TARGET_ID, "ResourceId"));
    return ApiResponses.ok(moderation.dismiss(user, target, reason(request)));
  }

  private APIGatewayV2HTTPResponse block(ApiRequest request) {
    SessionUser user = admin(request);
    String videoId = path(request, VIDEO_ID, "VideoId");
    return ApiResponses.ok(moderation.block(user, videoId, reason(request)));
  }

  private APIGatewayV2HTTPResponse unblock(ApiRequest request) {
    SessionUser user = admin(request);
    String videoId = path(request, VIDEO_ID, "VideoId");
    return ApiResponses.ok(moderation.unblock(user, videoId, reason(request)));
  }

  private APIGatewayV2HTTPResponse removeComment(ApiRequest request) {
    SessionUser user = admin(request);
    String commentId = path(request, COMMENT_ID, "ResourceId");
    return ApiResponses.ok(moderation.removeComment(user, commentId, reason(request)));
  }

  private APIGatewayV2HTTPResponse audit(ApiRequest request) {
    SessionUser user = admin(request);
    Target target =
        new Target(
            query(request, TARGET_KIND, "ReportTargetKind"),
            query(request, TARGET_ID, "ResourceId"));
    return ApiResponses.ok(moderation.audit(user, target));
  }

  /** 401 without a session, 403 without the role: before anything of the request is read. */
  private static SessionUser admin(ApiRequest request) {
    SessionUser user = request.requireUser();
    if (!user.isAdmin()) {
      throw new ApiException(
          dev.kinora.shared.contract.ErrorCode.FORBIDDEN, "Only moderators (admins) can do this");
    }
    return user;
  }

  private static String reason(ApiRequest request) {
    return request.body("ModerationActionRequest", ModerationActionRequest.class).reason();
  }

  /** A path value checked against its contract schema: malformed is 400 at {@code /<name>}. */
  private String path(ApiRequest request, String name, String schema) {
    return checked(name, request.pathParam(name), schema);
  }

  private String query(ApiRequest request, String name, String schema) {
    String value = request.query(name).orElseThrow(() -> invalid("/" + name, "is required"));
    return checked(name, value, schema);
  }

  private String checked(String name, String value, String schema) {
    List<ValidationIssue> issues = contract.validate(schema, TextNode.valueOf(value));
    if (!issues.isEmpty()) {
      throw ApiException.validation(
          issues.stream()
              .map(issue -> new ValidationIssue("/" + name + issue.path(), issue.message()))
              .toList());
    }
    return value;
  }

  private static ApiException invalid(String path, String message) {
    return ApiException.validation(List.of(new ValidationIssue(path, message)));
  }
}
