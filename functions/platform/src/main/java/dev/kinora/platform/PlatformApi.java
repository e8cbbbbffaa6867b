package dev.kinora.platform;

import static dev.kinora.shared.http.Route.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import dev.kinora.shared.model.ClientConfig;
import dev.kinora.shared.model.HealthStatus;
import java.time.Clock;

/**
 * The platform context: liveness ({@code GET /api/v1/health}) and the client configuration the SPA
 * reads at start ({@code GET /api/v1/config}). Both are public. Lambda builds one instance per
 * container; the contract and the client configuration are computed once, in the constructor.
 */
public final class PlatformApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String SERVICE = "kinora";

  static final Routes<PlatformApi> ROUTES =
      Routes.of(
          get("/api/v1/health", PlatformApi::health),
          get("/api/v1/config", PlatformApi::clientConfig));

  private final String version;
  private final ClientConfig clientConfig;
  private final Clock clock;

  /** The constructor Lambda calls. */
  public PlatformApi() {
    this(Config.fromEnvironment(), Contract.load(), Clock.systemUTC());
  }

  PlatformApi(Config config, Contract contract, Clock clock) {
    this.version = config.get("KINORA_VERSION", builtVersion());
    this.clientConfig = new ClientConfig(contract.clientLimits());
    this.clock = clock;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse health(ApiRequest request) {
    return ApiResponses.ok(HealthStatus.ok(SERVICE, version, clock.instant()));
  }

  private APIGatewayV2HTTPResponse clientConfig(ApiRequest request) {
    return ApiResponses.ok(clientConfig);
  }

  /** The Maven version recorded in the jar manifest; "dev" when running from classes. */
  private static String builtVersion() {
    String version = PlatformApi.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
