package dev.kinora.accounts;

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
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.AvatarUploadRequest;
import dev.kinora.shared.model.ChannelUpdateRequest;
import dev.kinora.shared.model.LoginRequest;
import dev.kinora.shared.model.SignupRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts context over HTTP: sign-up, sign-in, sign-out, the signed-in account, and channels.
 * Who is calling comes only from the session authorizer's context ({@link ApiRequest#user()}); the
 * cookie is read here only to end or re-issue the session it names.
 */
public final class AccountsApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final Routes<AccountsApi> ROUTES =
      Routes.of(
          post("/api/v1/auth/signup", AccountsApi::signup),
          post("/api/v1/auth/login", AccountsApi::login),
          post("/api/v1/auth/logout", AccountsApi::logout),
          get("/api/v1/auth/me", AccountsApi::me),
          patch("/api/v1/channels/me", AccountsApi::updateMyChannel),
          post("/api/v1/channels/me/avatar", AccountsApi::startAvatarUpload),
          get("/api/v1/channels/{idOrHandle}", AccountsApi::channel));

  /** Its ResourceId bounds what a path may name. */
  private static final Contract CONTRACT = Contract.load();

  private final AccountService accounts;
  private final SessionService sessions;
  private final AvatarService avatars;
  private final Clock clock;

  /** The constructor Lambda calls: clients and services built once per container. */
  public AccountsApi() {
    this(Wiring.fromEnvironment());
  }

  private AccountsApi(Wiring wiring) {
    this(wiring.accountService(), wiring.sessionService(), wiring.avatarService(), wiring.clock());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static AccountsApi using(Wiring wiring) {
    return new AccountsApi(wiring);
  }

  AccountsApi(
      AccountService accounts, SessionService sessions, AvatarService avatars, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.avatars = avatars;
    this.clock = clock;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse signup(ApiRequest request) {
    SignupRequest body = request.body("SignupRequest", SignupRequest.class);
    AccountService.SignedIn signedIn = accounts.signup(body, sourceIp(request));
    return withCookie(ApiResponses.created(signedIn.me()), signedIn.session());
  }

  private APIGatewayV2HTTPResponse login(ApiRequest request) {
    LoginRequest body = request.body("LoginRequest", LoginRequest.class);
    AccountService.SignedIn signedIn = accounts.login(body, sourceIp(request));
    return withCookie(ApiResponses.ok(signedIn.me()), signedIn.session());
  }

  private APIGatewayV2HTTPResponse logout(ApiRequest request) {
    request.cookie(SessionCookie.NAME).filter(t -> !t.isBlank()).ifPresent(sessions::end);
    return withCookies(ApiResponses.noContent(), List.of(SessionCookie.clear()));
  }

  /** Also re-issues the cookie, so the browser's copy slides along with the server's expiry. */
  private APIGatewayV2HTTPResponse me(ApiRequest request) {
    SessionUser user = request.requireUser();
    APIGatewayV2HTTPResponse response = ApiResponses.ok(accounts.me(user));
    return request
        .cookie(SessionCookie.NAME)
        .map(
            token ->
                withCookies(
                    response,
                    List.of(
                        SessionCookie.set(
                            token,
                            Instant.ofEpochSecond(user.sessionExpiresAt()),
                            clock.instant()))))
        .orElse(response);
  }

  private APIGatewayV2HTTPResponse updateMyChannel(ApiRequest request) {
    SessionUser user = request.requireUser();
    ChannelUpdateRequest body = request.body("ChannelUpdateRequest", ChannelUpdateRequest.class);
    return ApiResponses.ok(accounts.updateMyChannel(user, body));
  }

  private APIGatewayV2HTTPResponse startAvatarUpload(ApiRequest request) {
    SessionUser user = request.requireUser();
    return ApiResponses.created(avatars.startUpload(user, avatarUploadRequest(request)));
  }

  /**
   * The presign body; an image too large or of the wrong type answers its own code (413, 415) even
   * when other fields are invalid too, so the channel editor can say what is wrong with the file.
   */
  private AvatarUploadRequest avatarUploadRequest(ApiRequest request) {
    return request.body(
        "AvatarUploadRequest", AvatarUploadRequest.class, avatars.rules()::refusalOfInvalidBody);
  }

  /**
   * A channel by id or (@)handle. Both are ResourceIds (a handle's alphabet and length are within
   * it), so anything else names no channel and never reaches the table, whose keys DynamoDB refuses
   * beyond 2048 bytes.
   */
  private APIGatewayV2HTTPResponse channel(ApiRequest request) {
    String idOrHandle = request.pathParam("idOrHandle");
    String key = idOrHandle.startsWith("@") ? idOrHandle.substring(1) : idOrHandle;
    if (!CONTRACT.validate("ResourceId", TextNode.valueOf(key)).isEmpty()) {
      throw new ApiException(ErrorCode.CHANNEL_NOT_FOUND, "No channel " + idOrHandle);
    }
    return ApiResponses.ok(accounts.channel(idOrHandle));
  }

  private APIGatewayV2HTTPResponse withCookie(
      APIGatewayV2HTTPResponse response, SessionService.NewSession session) {
    return withCookies(
        response,
        List.of(SessionCookie.set(session.token(), session.expiresAt(), clock.instant())));
  }

  private static APIGatewayV2HTTPResponse withCookies(
      APIGatewayV2HTTPResponse response, List<String> cookies) {
    var all = new ArrayList<String>();
    if (response.getCookies() != null) {
      all.addAll(response.getCookies());
    }
    all.addAll(cookies);
    response.setCookies(all);
    return response;
  }

  private static String sourceIp(ApiRequest request) {
    return request.sourceIp().orElse("unknown");
  }
}
