package dev.kinora.uploads;

import static dev.kinora.shared.http.Route.delete;
import static dev.kinora.shared.http.Route.get;
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
import dev.kinora.shared.model.UploadInitRequest;
import dev.kinora.shared.model.UploadPartUrlsRequest;
import dev.kinora.shared.model.VideoMetadata;

/**
 * The uploads context over HTTP (operations initUpload, getUpload, cancelUpload,
 * presignUploadParts, completeUpload). Every route needs a session; a session of another account
 * answers 403 FORBIDDEN.
 */
public final class UploadsApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final Routes<UploadsApi> ROUTES =
      Routes.of(
          post("/api/v1/uploads", UploadsApi::init),
          get("/api/v1/uploads/{uploadId}", UploadsApi::getUpload),
          delete("/api/v1/uploads/{uploadId}", UploadsApi::cancelUpload),
          post("/api/v1/uploads/{uploadId}/parts", UploadsApi::presignParts),
          post("/api/v1/uploads/{uploadId}/complete", UploadsApi::complete));

  /** Its ResourceId (alphabet and length): anything else cannot name an upload. */
  private static final Contract CONTRACT = Contract.load();

  private final UploadService uploads;

  /** The constructor Lambda calls: clients and services built once per container. */
  public UploadsApi() {
    this(Wiring.fromEnvironment().uploadService());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static UploadsApi using(Wiring wiring) {
    return new UploadsApi(wiring.uploadService());
  }

  UploadsApi(UploadService uploads) {
    this.uploads = uploads;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse init(ApiRequest request) {
    SessionUser user = request.requireUser();
    return ApiResponses.created(uploads.init(user, initRequest(request)));
  }

  private APIGatewayV2HTTPResponse getUpload(ApiRequest request) {
    SessionUser user = request.requireUser();
    return ApiResponses.ok(uploads.get(user, uploadId(request)));
  }

  private APIGatewayV2HTTPResponse cancelUpload(ApiRequest request) {
    SessionUser user = request.requireUser();
    uploads.cancel(user, uploadId(request));
    return ApiResponses.noContent();
  }

  private APIGatewayV2HTTPResponse presignParts(ApiRequest request) {
    SessionUser user = request.requireUser();
    String uploadId = uploadId(request);
    var body = request.body("UploadPartUrlsRequest", UploadPartUrlsRequest.class);
    return ApiResponses.ok(uploads.presignParts(user, uploadId, body.partNumbers()));
  }

  private APIGatewayV2HTTPResponse complete(ApiRequest request) {
    SessionUser user = request.requireUser();
    String uploadId = uploadId(request);
    var metadata = request.body("UploadCompleteRequest", VideoMetadata.class);
    return ApiResponses.created(uploads.complete(user, uploadId, metadata));
  }

  /**
   * The init body; a file too large or of the wrong type answers its own code (413, 415) even when
   * other fields are invalid too, so the studio can tell the user what is wrong with the file.
   */
  private UploadInitRequest initRequest(ApiRequest request) {
    return request.body(
        "UploadInitRequest", UploadInitRequest.class, uploads.acceptance()::refusalOfInvalidBody);
  }

  private static String uploadId(ApiRequest request) {
    String id = request.pathParam("uploadId");
    if (!CONTRACT.validate("ResourceId", TextNode.valueOf(id)).isEmpty()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "No upload " + id);
    }
    return id;
  }
}
