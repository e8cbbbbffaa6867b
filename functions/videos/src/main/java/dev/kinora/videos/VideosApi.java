package dev.kinora.videos;

import static dev.kinora.shared.http.Route.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import java.util.List;

/**
 * The videos context over HTTP. {@code GET /api/v1/videos/{videoId}} is public, yet the owner sees
 * more than anyone else: the route sits behind the optional-session authorizer (template.yaml), so
 * {@link ApiRequest#user()} names the caller when a session exists and is empty otherwise.
 */
public final class VideosApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String VIDEO_ID = "videoId";
  static final Routes<VideosApi> ROUTES =
      Routes.of(get("/api/v1/videos/{" + VIDEO_ID + "}", VideosApi::getVideo));

  private final VideoService videos;
  private final Contract contract;

  /** The constructor Lambda calls: clients and services built once per container. */
  public VideosApi() {
    this(Wiring.fromEnvironment().videoService());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static VideosApi using(Wiring wiring) {
    return new VideosApi(wiring.videoService());
  }

  VideosApi(VideoService videos) {
    this.videos = videos;
    this.contract = Contract.load();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse getVideo(ApiRequest request) {
    String videoId = videoId(request);
    return ApiResponses.ok(videos.find(videoId, request.user()).toApi());
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
