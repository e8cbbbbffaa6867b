package dev.kinora.playlists;

import static dev.kinora.shared.http.Route.delete;
import static dev.kinora.shared.http.Route.get;
import static dev.kinora.shared.http.Route.patch;
import static dev.kinora.shared.http.Route.post;

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
 * The playlists context over HTTP (contract tag {@code playlists}). Reads of one playlist and of a
 * channel's list are public (the optional-session authorizer tells an owner apart); everything else
 * needs a session. Path values and query parameters are checked against the contract before any
 * table is read.
 */
public final class PlaylistsApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String PLAYLIST = "playlistId";
  static final String VIDEO = "videoId";
  static final String CHANNEL = "idOrHandle";
  static final Routes<PlaylistsApi> ROUTES =
      Routes.of(
          post("/api/v1/playlists", PlaylistsApi::create),
          get("/api/v1/me/playlists", PlaylistsApi::mine),
          get("/api/v1/me/watch-later", PlaylistsApi::watchLater),
          get("/api/v1/channels/{" + CHANNEL + "}/playlists", PlaylistsApi::ofChannel),
          get("/api/v1/playlists/{" + PLAYLIST + "}", PlaylistsApi::detail),
          patch("/api/v1/playlists/{" + PLAYLIST + "}", PlaylistsApi::update),
          delete("/api/v1/playlists/{" + PLAYLIST + "}", PlaylistsApi::deletePlaylist),
          get("/api/v1/playlists/{" + PLAYLIST + "}/items", PlaylistsApi::items),
          post("/api/v1/playlists/{" + PLAYLIST + "}/items", PlaylistsApi::add),
          delete(
              "/api/v1/playlists/{" + PLAYLIST + "}/items/{" + VIDEO + "}", PlaylistsApi::remove),
          post(
              "/api/v1/playlists/{" + PLAYLIST + "}/items/{" + VIDEO + "}/move",
              PlaylistsApi::move));

  private final PlaylistService playlists;
  private final Contract contract;
  private final PlaylistLimits limits;

  /** The constructor Lambda calls: clients and services built once per container. */
  public PlaylistsApi() {
    this(Wiring.fromEnvironment());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static PlaylistsApi using(Wiring wiring) {
    return new PlaylistsApi(wiring);
  }

  private PlaylistsApi(Wiring wiring) {
    this(wiring.playlistService(), wiring.contract(), wiring.limits());
  }

  PlaylistsApi(PlaylistService playlists, Contract contract, PlaylistLimits limits) {
    this.playlists = playlists;
    this.contract = contract;
    this.limits = limits;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse create(ApiRequest request) {
    SessionUser user = request.requireUser();
    var body = request.body("PlaylistCreateRequest", PlaylistRequests.Create.class);
    return ApiResponses.created(Playlist.of(playlists.create(user, body), null));
  }

  private APIGatewayV2HTTPResponse mine(ApiRequest request) {
    SessionUser user = request.requireUser();
    String videoId = request.query(VIDEO).map(v -> checked(v, "VideoId", "/" + VIDEO)).orElse(null);
    var page = playlists.mine(user, videoId, cursor(request), limit(request));
    return ApiResponses.ok(page.playlists(), new PageMeta(page.nextCursor()));
  }

  private APIGatewayV2HTTPResponse watchLater(ApiRequest request) {
    return ApiResponses.ok(Playlist.of(playlists.watchLaterAsRead(request.requireUser()), null));
  }

  private APIGatewayV2HTTPResponse ofChannel(ApiRequest request) {
    String channel = request.pathParam(CHANNEL);
    // An id or (@)handle is a ResourceId (as for GET /channels/{idOrHandle}): anything longer or
    // stranger names no channel, and never reaches DynamoDB as a key.
    String key = channel.startsWith("@") ? channel.substring(1) : channel;
    if (!contract.validate("ResourceId", TextNode.valueOf(key)).isEmpty()) {
      throw new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "No channel " + channel);
    }
    String cursor = cursor(request);
    int limit = limit(request);
    var page = playlists.ofChannel(channel, viewer(request), cursor, limit);
    return ApiResponses.ok(page.playlists(), new PageMeta(page.nextCursor()));
  }

  private APIGatewayV2HTTPResponse detail(ApiRequest request) {
    return ApiResponses.ok(playlists.detail(playlistId(request), viewer(request)));
  }

  private APIGatewayV2HTTPResponse update(ApiRequest request) {
    SessionUser user = request.requireUser();
    String id = playlistId(request);
    var body = request.body("PlaylistUpdateRequest", PlaylistRequests.Update.class);
    return ApiResponses.ok(Playlist.of(playlists.update(id, user, body), null));
  }

  private APIGatewayV2HTTPResponse deletePlaylist(ApiRequest request) {
    SessionUser user = request.requireUser();
    playlists.delete(playlistId(request), user);
    return ApiResponses.noContent();
  }

  private APIGatewayV2HTTPResponse items(ApiRequest request) {
    String id = playlistId(request);
    String cursor = cursor(request);
    if (cursor != null && !Ranks.isValid(cursor)) {
      throw DynamoPlaylistStore.badCursor();
    }
    var page = playlists.items(id, viewer(request), cursor, limit(request));
    return ApiResponses.ok(page.items(), new PageMeta(page.nextCursor()));
  }

  private APIGatewayV2HTTPResponse add(ApiRequest request) {
    SessionUser user = request.requireUser();
    String id = playlistId(request);
    var body = request.body("PlaylistItemAddRequest", PlaylistRequests.AddItem.class);
    var added = playlists.add(id, user, body.videoId());
    return added.created() ? ApiResponses.created(added.item()) : ApiResponses.ok(added.item());
  }

  private APIGatewayV2HTTPResponse remove(ApiRequest request) {
    SessionUser user = request.requireUser();
    String id = playlistId(request);
    String videoId = checked(request.pathParam(VIDEO), "VideoId", "/" + VIDEO);
    playlists.remove(id, user, videoId);
    return ApiResponses.noContent();
  }

  private APIGatewayV2HTTPResponse move(ApiRequest request) {
    SessionUser user = request.requireUser();
    String id = playlistId(request);
    String videoId = checked(request.pathParam(VIDEO), "VideoId", "/" + VIDEO);
    var body = request.body("PlaylistItemMoveRequest", PlaylistRequests.MoveItem.class);
    return ApiResponses.ok(playlists.move(id, user, videoId, body.afterVideoId()));
  }

  /** A playlist id that is not even shaped like one names no playlist. */
  private String playlistId(ApiRequest request) {
    String id = request.pathParam(PLAYLIST);
    if (!contract.validate("PlaylistId", TextNode.valueOf(id)).isEmpty()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "No playlist " + id);
    }
    return id;
  }

  private String checked(String value, String schema, String path) {
    List<ValidationIssue> issues = contract.validate(schema, TextNode.valueOf(value));
    if (!issues.isEmpty()) {
      throw ApiException.validation(
          issues.stream().map(i -> new ValidationIssue(path + i.path(), i.message())).toList());
    }
    return value;
  }

  private static SessionUser viewer(ApiRequest request) {
    return request.user().orElse(null);
  }

  private static String cursor(ApiRequest request) {
    return request.query("cursor").orElse(null);
  }

  private int limit(ApiRequest request) {
    return request.intQuery(
        "limit", limits.defaultPageSize(), limits.minPageSize(), limits.maxPageSize());
  }
}
