package dev.kinora.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.events.EventSource;
import dev.kinora.local.events.EventSources;
import dev.kinora.local.events.Triggers;
import dev.kinora.local.faults.Faults;
import dev.kinora.local.faults.ThrottlingDynamoDbProxy;
import dev.kinora.local.http.AdminHandler;
import dev.kinora.local.http.FrontDoor;
import dev.kinora.local.http.HttpApiAuth;
import dev.kinora.local.http.HttpApiHandler;
import dev.kinora.local.http.HttpApiRoute;
import dev.kinora.local.http.HttpApiRouter;
import dev.kinora.local.http.LambdaAuthorizer;
import dev.kinora.local.http.MediaAccess;
import dev.kinora.local.http.MediaHandler;
import dev.kinora.local.http.SecurityHeaders;
import dev.kinora.local.http.SpaHandler;
import dev.kinora.local.resources.BucketSettings;
import dev.kinora.local.resources.PhysicalResource;
import dev.kinora.local.resources.ResourceProvisioner;
import dev.kinora.local.resources.StackResolver;
import dev.kinora.local.runtime.FunctionCode;
import dev.kinora.local.runtime.FunctionSpec;
import dev.kinora.local.runtime.InvocationResult;
import dev.kinora.local.runtime.LambdaFunction;
import dev.kinora.local.runtime.LambdaLayers;
import dev.kinora.local.services.DynamoDbServer;
import dev.kinora.local.services.FreePort;
import dev.kinora.local.services.S3EventsBlobStore;
import dev.kinora.local.services.S3Server;
import dev.kinora.local.services.SqsServer;
import dev.kinora.local.template.EventDef;
import dev.kinora.local.template.FunctionDef;
import dev.kinora.local.template.Template;
import dev.kinora.shared.aws.HttpClients;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code template.yaml} brought to life in this JVM: DynamoDB, SQS and S3 servers speaking the real
 * wire protocols, the tables, queues and buckets the template declares, every function in its own
 * class loader, and one front door (HTTP API, media, SPA) like CloudFront.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.builder().root(repo).stateDir(repo.resolve(".kinora/state")).port(8080).start()) {
 *   cloud.dynamoDb().listTables();
 *   cloud.invoke("PlatformFunction", eventJson);
 * }
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {
  /** The logical id of the bucket served under {@code /media/*}. */
  public static final String MEDIA_BUCKET = "MediaBucket";

  /**
   * The variable naming a function's log file ({@code dev.kinora.shared.log.Log} appends to it).
   */
  public static final String LOG_FILE_VARIABLE = "KINORA_LOG_FILE";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Builder options;
  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
  private final Map<String, FunctionDef> functionDefs = new LinkedHashMap<>();
  private final Triggers triggers = new Triggers();
  private final List<UnaryOperator<String>> environmentRewrites = new CopyOnWriteArrayList<>();
  private Template template;
  private StackResolver stack;
  private LambdaLayers layers;
  private DynamoDbServer dynamoDbServer;
  private URI dynamoDbEndpoint;
  private URI functionsDynamoDbEndpoint;
  private Faults faults;
  private URI sqsEndpoint;
  private URI s3Endpoint;
  private SqsServer sqsServer;
  private CompletableFuture<SqsServer> sqsStarting;
  private S3Server s3Server;
  private DynamoDbClient dynamoDb;
  private SqsClient sqs;
  private S3Client s3;
  private S3Presigner s3Presigner;
  private HttpClient httpClient;
  private FrontDoor frontDoor;
  private Map<String, PhysicalResource> resources = Map.of();
  private Map<String, BucketSettings> buckets = Map.of();
  private List<HttpApiRoute> routes = List.of();
  private Map<String, HttpApiAuth.Config> authorizers = Map.of();
  private long startupMillis;
  private StartupClock clock;

  private static final int PORT_RACE_ATTEMPTS = 3;

  private LocalCloud(Builder options) {
    this.options = options;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- start-up

  private LocalCloud start() throws Exception {
    clock = new StartupClock(options.logs);
    try {
      startAll();
    } catch (Exception | LinkageError e) {
      if (sqsStarting != null) {
        sqsStarting.thenAccept(SqsServer::close);
      }
      closeQuietly();
      throw e;
    }
    startupMillis = clock.totalMillis();
    options.logs.printf(Locale.ROOT, "[local-cloud] %-28s %6d ms%n", "total", startupMillis);
    return this;
  }

  private void startAll() throws Exception {
    if (options.external != null && options.external.closeWithCloud() != null) {
      closeables.push(options.external.closeWithCloud());
    }
    template = clock.time("template", () -> Template.load(options.templatePath()));
    int basePort = options.port;
    Path state = options.stateDir;
    int frontDoorPort = options.frontDoor ? FreePort.pick(basePort) : 0;
    if (options.external != null) {
      dynamoDbEndpoint = options.external.dynamoDb();
      sqsEndpoint = options.external.sqs();
      s3Endpoint = options.external.s3();
      stack =
          new StackResolver(template, name -> sqsEndpoint + "/" + LocalAws.ACCOUNT_ID + "/" + name);
    } else {
      // ElasticMQ (Pekko) is the slowest to boot: it starts alongside DynamoDB, S3 and the clients
      int sqsPort = FreePort.pick(servicePort(basePort, 2));
      sqsEndpoint = URI.create("http://" + LocalAws.HOST + ":" + sqsPort);
      sqsStarting = startInBackground("sqs (elasticmq)", () -> SqsServer.start(sqsPort));
      dynamoDbServer =
          remember(
              clock.time(
                  "dynamodb",
                  () ->
                      DynamoDbServer.start(
                          servicePort(basePort, 1),
                          state == null ? null : state.resolve("dynamodb"),
                          options.ttlSweepInterval)));
      dynamoDbEndpoint = dynamoDbServer.endpoint();
      stack =
          new StackResolver(template, name -> sqsEndpoint + "/" + LocalAws.ACCOUNT_ID + "/" + name);
      List<String> corsOrigins = corsOrigins(frontDoorPort);
      s3Server =
          remember(
              clock.time(
                  "s3 (s3proxy)",
                  () ->
                      S3Server.start(
                          servicePort(basePort, 3),
                          state == null ? null : state.resolve("s3"),
                          corsOrigins)));
      s3Endpoint = s3Server.endpoint();
    }
    functionsDynamoDbEndpoint = dynamoDbEndpoint;
    if (options.faultSeed != null) {
      faults = new Faults(options.faultSeed);
      functionsDynamoDbEndpoint =
          remember(ThrottlingDynamoDbProxy.start(faults, dynamoDbEndpoint)).endpoint();
      options.logs.println(
          "[local-cloud] fault injection on (seed "
              + options.faultSeed
              + "): functions reach DynamoDB through "
              + functionsDynamoDbEndpoint);
    }
    clock.time(
        "sdk clients",
        () -> {
          createClients();
          return null;
        });
    if (sqsStarting != null) {
      sqsServer = remember(clock.time("sqs (waited for)", this::awaitSqs));
    }
    ResourceProvisioner.Provisioned provisioned =
        clock.time(
            "resources",
            () -> new ResourceProvisioner(stack, dynamoDb, sqs, s3, options.logs).provision());
    resources = Collections.unmodifiableMap(provisioned.resources());
    buckets = Collections.unmodifiableMap(provisioned.buckets());
    options.queueOverrides.forEach(
        (logicalId, attributes) ->
            sqs.setQueueAttributes(
                r -> r.queueUrl(queueUrl(logicalId)).attributesWithStrings(attributes)));
    layers = remember(new LambdaLayers(template, stack, options.logs));
    clock.time(
        "functions",
        () -> {
          createFunctions();
          return null;
        });
    if (options.frontDoor) {
      frontDoor = remember(new FrontDoor(frontDoorPort));
    }
    for (EventSource source : options.eventSources()) {
      clock.time(
          "events: " + source.name(),
          () -> {
            source.start(this);
            return null;
          });
      closeables.push(source);
    }
    if (frontDoor != null) {
      clock.time(
          "front door",
          () -> {
            mountFrontDoor();
            frontDoor.start();
            return null;
          });
    }
  }

  private CompletableFuture<SqsServer> startInBackground(
      String name, StartupClock.ThrowingSupplier<SqsServer> start) {
    CompletableFuture<SqsServer> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(clock.time(name + ", in parallel", start));
              } catch (Exception e) {
                future.completeExceptionally(e);
              }
            },
            "start-" + name);
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  private SqsServer awaitSqs() throws Exception {
    try {
      return sqsStarting.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      sqsStarting = null;
    }
  }

  private static int servicePort(int frontDoorPort, int offset) {
    return frontDoorPort > 0 ? frontDoorPort + offset : 0;
  }

  /** Origins the browser may call S3 from: the front door, plus what the template's CORS allows. */
  private List<String> corsOrigins(int frontDoorPort) {
    Set<String> origins = new LinkedHashSet<>();
    if (frontDoorPort > 0) {
      origins.add("http://" + LocalAws.HOST + ":" + frontDoorPort);
      origins.add("http://localhost:" + frontDoorPort);
    }
    for (var bucket : template.resourcesOfType("AWS::S3::Bucket")) {
      try {
        Object cors = stack.resolve(bucket.properties().get("CorsConfiguration"));
        if (cors instanceof Map<?, ?> config && config.get("CorsRules") instanceof List<?> rules) {
          for (Object rule : rules) {
            if (rule instanceof Map<?, ?> r && r.get("AllowedOrigins") instanceof List<?> allowed) {
              allowed.forEach(o -> origins.add(String.valueOf(o)));
            }
          }
        }
      } catch (RuntimeException unresolvable) {
        options.logs.println(
            "[local-cloud] CORS of "
                + bucket.logicalId()
                + " not applied: "
                + unresolvable.getMessage());
      }
    }
    return List.copyOf(origins);
  }

  private void createClients() {
    dynamoDb =
        remember(
            DynamoDbClient.builder()
                .endpointOverride(dynamoDbEndpoint)
                .region(LocalAws.region())
                .credentialsProvider(LocalAws.credentials())
                .httpClient(HttpClients.urlConnection())
                .build());
    sqs =
        remember(
            SqsClient.builder()
                .endpointOverride(sqsEndpoint)
                .region(LocalAws.region())
                .credentialsProvider(LocalAws.credentials())
                .httpClient(HttpClients.urlConnection())
                .build());
    s3 =
        remember(
            S3Client.builder()
                .endpointOverride(s3Endpoint)
                .region(LocalAws.region())
                .credentialsProvider(LocalAws.credentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(HttpClients.urlConnection())
                .build());
    s3Presigner =
        remember(
            S3Presigner.builder()
                .endpointOverride(s3Endpoint)
                .region(LocalAws.region())
                .credentialsProvider(LocalAws.credentials())
                .serviceConfiguration(
                    S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build());
    httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private void createFunctions() {
    List<HttpApiRoute> httpRoutes = new ArrayList<>();
    Map<String, HttpApiAuth> apiAuth = HttpApiAuth.fromTemplate(template);
    Map<String, HttpApiAuth.Config> allAuthorizers = new LinkedHashMap<>();
    for (FunctionDef def : template.functions()) {
      if (!stack.exists(template.resources().get(def.logicalId()))) {
        continue;
      }
      functionDefs.put(def.logicalId(), def);
      Path codeUri =
          def.codeUri() == null ? null : template.directory().resolve(def.codeUri()).normalize();
      FunctionSpec spec =
          new FunctionSpec(
              def.logicalId(),
              stack.physicalName(def.logicalId()),
              def.handler(),
              def.memorySize(),
              Duration.ofSeconds(def.timeoutSeconds()),
              () -> environment(def.logicalId()),
              List.of(options.functionCode.urls(codeUri)));
      LambdaFunction function =
          remember(new LambdaFunction(spec, options.logs, logFile(def.logicalId())));
      if (faults != null) {
        function.injectFaults(faults);
      }
      functions.put(def.logicalId(), function);
      for (EventDef event : def.events()) {
        if ("HttpApi".equals(event.type())) {
          Map<String, Object> p = event.properties();
          Object path = p.get("Path");
          HttpApiRoute route =
              path == null
                  ? HttpApiRoute.catchAll(def.logicalId())
                  : new HttpApiRoute(
                      def.logicalId(),
                      String.valueOf(p.getOrDefault("Method", "ANY")),
                      String.valueOf(path));
          // Authorizer names are scoped by API: "<ApiLogicalId>/<name>" keeps two APIs apart.
          String apiId =
              p.get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id
                  ? id
                  : null;
          HttpApiAuth auth = apiId == null ? null : apiAuth.get(apiId);
          String authorizer = auth == null ? null : auth.authorizerFor(event);
          if (authorizer != null) {
            allAuthorizers.put(apiId + "/" + authorizer, auth.authorizers().get(authorizer));
            route = route.withAuthorizer(apiId + "/" + authorizer);
          }
          httpRoutes.add(route);
        }
      }
    }
    routes = List.copyOf(httpRoutes);
    authorizers = Map.copyOf(allAuthorizers);
  }

  private void mountFrontDoor() {
    frontDoor.mount(
        "/_kinora/*", new AdminHandler(triggers, functions::containsKey, this::describe));
    Map<String, LambdaAuthorizer> running = new LinkedHashMap<>();
    authorizers.forEach(
        (name, config) ->
            running.put(name, new LambdaAuthorizer(config, this::invoke, Clock.systemUTC())));
    frontDoor.mount("/api/*", new HttpApiHandler(new HttpApiRouter(routes), this::invoke, running));
    if (resources.containsKey(MEDIA_BUCKET)) {
      frontDoor.mount("/media/*", new MediaHandler(s3, physicalName(MEDIA_BUCKET), mediaAccess()));
    }
    frontDoor.mount("/", new SpaHandler(options.frontendDist()));
    frontDoor.responseHeaders(securityHeaders());
  }

  /**
   * The headers of the response headers policies the distribution's behaviours name (in
   * CloudFront's order: cache behaviours, then the default), so the SPA, the API and media answer
   * locally with the CSP, HSTS … of {@code template.yaml}. The one local difference: a CSP source
   * naming a bucket's regional endpoint (where presigned URLs point on AWS) names the local S3
   * server instead, where they point here.
   */
  private List<SecurityHeaders.Behaviour> securityHeaders() {
    for (var distribution : template.resourcesOfType("AWS::CloudFront::Distribution")) {
      if (!(distribution.raw().get("Properties") instanceof Map<?, ?> properties
          && properties.get("DistributionConfig") instanceof Map<?, ?> config
          && config.get("DefaultCacheBehavior") instanceof Map<?, ?> fallback)) {
        continue;
      }
      List<SecurityHeaders.Behaviour> behaviours = new ArrayList<>();
      if (config.get("CacheBehaviors") instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> behaviour
              && behaviour.get("PathPattern") instanceof String pattern) {
            behaviours.add(new SecurityHeaders.Behaviour(pattern, policyHeaders(behaviour)));
          }
        }
      }
      behaviours.add(new SecurityHeaders.Behaviour(null, policyHeaders(fallback)));
      return behaviours;
    }
    return List.of();
  }

  private Map<String, String> policyHeaders(Map<?, ?> behaviour) {
    if (!(behaviour.get("ResponseHeadersPolicyId") instanceof Map<?, ?> ref
        && ref.get("Ref") instanceof String policyId
        && template.resources().get(policyId) != null
        && stack.resolve(template.resources().get(policyId).properties())
            instanceof Map<?, ?> policy
        && policy.get("ResponseHeadersPolicyConfig") instanceof Map<?, ?> policyConfig)) {
      return Map.of();
    }
    Map<String, String> headers =
        new LinkedHashMap<>(SecurityHeaders.fromPolicyConfig(policyConfig));
    headers.computeIfPresent("Content-Security-Policy", (name, csp) -> localBucketSources(csp));
    return headers;
  }

  private String localBucketSources(String csp) {
    String local = s3Endpoint.getScheme() + "://" + s3Endpoint.getAuthority();
    String result = csp;
    for (var bucket : template.resourcesOfType("AWS::S3::Bucket")) {
      if (stack.exists(bucket)
          && stack.resolve(Map.of("Fn::GetAtt", List.of(bucket.logicalId(), "RegionalDomainName")))
              instanceof String domain) {
        result = result.replace("https://" + domain, local);
      }
    }
    return result;
  }

  /**
   * The CDN's signed-cookie check of {@code /media/*}, played locally (see {@link MediaAccess}): a
   * CloudFront distribution's {@code Metadata: {kinora:local: {mediaAccessCheck: <route>}}} names
   * the API route whose 200 allows a read; its cache behaviours on the default (media) origin that
   * trust no key group are the paths everyone may read.
   */
  private MediaAccess mediaAccess() {
    for (var resource : template.resourcesOfType("AWS::CloudFront::Distribution")) {
      if (resource.raw().get("Metadata") instanceof Map<?, ?> metadata
          && metadata.get("kinora:local") instanceof Map<?, ?> local
          && local.get("mediaAccessCheck") instanceof String check) {
        return MediaAccess.checkedBy(check, publicMediaPaths(resource.raw()), this::frontDoorUrl);
      }
    }
    return MediaAccess.open();
  }

  /**
   * Public media: behaviours on the media origin (the origin of the behaviour that trusts a key
   * group or signer: the default one, or {@code /media/*} when the default serves the SPA) that
   * trust neither.
   */
  private static List<String> publicMediaPaths(Map<String, Object> distribution) {
    if (!(distribution.get("Properties") instanceof Map<?, ?> properties
        && properties.get("DistributionConfig") instanceof Map<?, ?> config
        && config.get("DefaultCacheBehavior") instanceof Map<?, ?> fallback
        && config.get("CacheBehaviors") instanceof List<?> behaviours)) {
      return List.of();
    }
    Object mediaOrigin = fallback.get("TargetOriginId");
    for (Object item : behaviours) {
      if (item instanceof Map<?, ?> behaviour && isSigned(behaviour)) {
        mediaOrigin = behaviour.get("TargetOriginId");
      }
    }
    List<String> paths = new ArrayList<>();
    for (Object item : behaviours) {
      if (item instanceof Map<?, ?> behaviour
          && Objects.equals(behaviour.get("TargetOriginId"), mediaOrigin)
          && !isSigned(behaviour)
          && behaviour.get("PathPattern") instanceof String pattern) {
        paths.add(pattern);
      }
    }
    return paths;
  }

  private static boolean isSigned(Map<?, ?> behaviour) {
    return behaviour.containsKey("TrustedKeyGroups") || behaviour.containsKey("TrustedSigners");
  }

  /**
   * Where a function's log lines go besides the cloud's log ({@code ./kinora logs <Function>} tails
   * it): {@code <state>/logs/<LogicalId>.log}; none for an in-memory cloud.
   */
  public Path logFile(String logicalId) {
    return options.stateDir == null ? null : logsDirectory().resolve(logicalId + ".log");
  }

  /** {@code <state>/logs}, or null for an in-memory cloud. */
  public Path logsDirectory() {
    return options.stateDir == null ? null : options.stateDir.resolve("logs");
  }

  /**
   * What a function sees through {@code Config}: its template {@code Environment.Variables}
   * (intrinsics resolved against the local stack) plus what Lambda and the local cloud set.
   */
  public Map<String, String> environment(String logicalId) {
    FunctionDef def = functionDefs.get(logicalId);
    if (def == null) {
      throw new IllegalArgumentException("no function " + logicalId + " in " + template.path());
    }
    Map<String, String> env = new LinkedHashMap<>();
    Object resolved = stack.resolve(def.environment());
    // Values naming /opt (where Lambda extracts the function's layers) point at the layers' files.
    List<Path> layerDirectories = layers.directories(def);
    if (resolved instanceof Map<?, ?> variables) {
      variables.forEach(
          (k, v) ->
              env.put(
                  String.valueOf(k),
                  LambdaLayers.localValue(localValue(text(v)), layerDirectories)));
    }
    String name = stack.physicalName(logicalId);
    env.put("AWS_REGION", LocalAws.REGION);
    env.put("AWS_DEFAULT_REGION", LocalAws.REGION);
    env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", functionsDynamoDbEndpoint.toString());
    env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
    env.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
    env.put("AWS_LAMBDA_FUNCTION_NAME", name);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(def.memorySize()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    env.put("KINORA_LOCAL", "true");
    Path logFile = logFile(logicalId);
    if (logFile != null) {
      env.put(LOG_FILE_VARIABLE, logFile.toString());
    }
    if (frontDoor != null) {
      env.put("KINORA_LOCAL_URL", frontDoor.url().toString());
    }
    return env;
  }

  private static String text(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return value == null ? "" : String.valueOf(value);
  }

  private Map<String, Object> describe() {
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("frontDoor", frontDoor == null ? null : frontDoor.url().toString());
    description.put("dynamodb", dynamoDbEndpoint.toString());
    description.put("sqs", sqsEndpoint.toString());
    description.put("s3", s3Endpoint.toString());
    description.put("resources", resources);
    description.put("functions", functions.keySet());
    description.put(
        "routes", routes.stream().map(r -> r.routeKey() + " → " + r.functionId()).toList());
    description.put("triggers", triggers.ids());
    return description;
  }

  private <T extends AutoCloseable> T remember(T closeable) {
    closeables.push(closeable);
    return closeable;
  }

  // ---------------------------------------------------------------- what tests and tools use

  public Template template() {
    return template;
  }

  /** Ref/GetAtt over the local stack (for event sources that read the template). */
  public StackResolver stack() {
    return stack;
  }

  public URI dynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  /**
   * The fault switchboard of a cloud built with {@link Builder#faultInjection}; fails otherwise
   * (fault hooks are test-only and never active in {@code ./kinora up}).
   */
  public Faults faults() {
    if (faults == null) {
      throw new IllegalStateException("this local cloud was built without faultInjection(seed)");
    }
    return faults;
  }

  /** The fault switchboard, if this cloud was built with {@link Builder#faultInjection}. */
  public Optional<Faults> faultInjection() {
    return Optional.ofNullable(faults);
  }

  public URI sqsEndpoint() {
    return sqsEndpoint;
  }

  public URI s3Endpoint() {
    return s3Endpoint;
  }

  /** Whether DynamoDB, SQS and S3 run in this JVM (false against LocalStack). */
  public boolean embeddedServices() {
    return options.external == null;
  }

  /** {@code http://127.0.0.1:<port>}; fails when started without a front door. */
  public URI frontDoorUrl() {
    if (frontDoor == null) {
      throw new IllegalStateException("this local cloud was started without a front door");
    }
    return frontDoor.url();
  }

  /** A URL on the front door, e.g. {@code url("/api/v1/health")}. */
  public URI url(String path) {
    return frontDoorUrl().resolve(path);
  }

  /** The front door, to mount more paths during {@link EventSource#start}. */
  public FrontDoor frontDoor() {
    return frontDoor;
  }

  /** Created resources by logical id. */
  public Map<String, PhysicalResource> resources() {
    return resources;
  }

  public PhysicalResource resource(String logicalId) {
    PhysicalResource resource = resources.get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException(
          "no table, queue, bucket or function " + logicalId + " in " + template.path());
    }
    return resource;
  }

  /** The physical name of a resource: table name, queue name, bucket name, function name. */
  public String physicalName(String logicalId) {
    return resource(logicalId).name();
  }

  /** A queue's URL by logical id. */
  public String queueUrl(String logicalId) {
    return resource(logicalId).url();
  }

  /** Bucket configuration S3Proxy cannot hold (CORS, lifecycle, notifications), by logical id. */
  public Map<String, BucketSettings> buckets() {
    return buckets;
  }

  public Map<String, LambdaFunction> functions() {
    return Collections.unmodifiableMap(functions);
  }

  public LambdaFunction function(String logicalId) {
    LambdaFunction function = functions.get(logicalId);
    if (function == null) {
      throw new IllegalArgumentException(
          "no function "
              + logicalId
              + " in "
              + template.path()
              + " (functions: "
              + functions.keySet()
              + ")");
    }
    return function;
  }

  /** Invokes a function synchronously, like Lambda's Invoke API. */
  public InvocationResult invoke(String logicalId, String eventJson) {
    return function(logicalId).invoke(eventJson);
  }

  /** HTTP API routes in the order API Gateway would try them. */
  public List<HttpApiRoute> routes() {
    return new HttpApiRouter(routes).routes();
  }

  /**
   * Makes resolved environment values point at the local emulator, e.g. the WebSocket source turns
   * {@code https://<apiId>.execute-api.<region>.amazonaws.com/<stage>} into the front door's {@code
   * /ws}. Only during {@link EventSource#start}: functions read their environment on first use.
   */
  public void rewriteEnvironmentValues(UnaryOperator<String> rewrite) {
    environmentRewrites.add(rewrite);
  }

  private String localValue(String value) {
    String local = value;
    for (UnaryOperator<String> rewrite : environmentRewrites) {
      local = rewrite.apply(local);
    }
    return local;
  }

  public Triggers triggers() {
    return triggers;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public SqsClient sqs() {
    return sqs;
  }

  /** Path-style S3 client with the local credentials. */
  public S3Client s3() {
    return s3;
  }

  public S3Presigner s3Presigner() {
    return s3Presigner;
  }

  /** A plain HTTP client for the front door (and presigned URLs). */
  public HttpClient httpClient() {
    return httpClient;
  }

  /** The DynamoDB server (TTL sweeps, stream listeners); fails against external services. */
  public DynamoDbServer dynamoDbServer() {
    if (dynamoDbServer == null) {
      throw new IllegalStateException("DynamoDB is external (LocalStack): no embedded server");
    }
    return dynamoDbServer;
  }

  /** Object created/removed events from the local S3 (the seam for S3 notifications). */
  public S3EventsBlobStore s3Events() {
    if (s3Server == null) {
      throw new IllegalStateException("S3 is external (LocalStack): no embedded S3 events");
    }
    return s3Server.events();
  }

  public long startupMillis() {
    return startupMillis;
  }

  /** Each start-up step and how long it took. */
  public List<StartupClock.Step> startupSteps() {
    return clock.steps();
  }

  public PrintStream logs() {
    return options.logs;
  }

  @Override
  public void close() {
    Exception first = closeQuietly();
    if (first != null) {
      throw new IllegalStateException("the local cloud did not stop cleanly", first);
    }
  }

  private Exception closeQuietly() {
    Exception first = null;
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    return first;
  }

  // ---------------------------------------------------------------- builder

  private record ExternalServices(URI dynamoDb, URI sqs, URI s3, AutoCloseable closeWithCloud) {}

  /** How to start a local cloud. Defaults: in memory, free ports, functions from their jars. */
  public static final class Builder {
    private Path root = Path.of("").toAbsolutePath();
    private Path template;
    private Path stateDir;
    private Path frontendDist;
    private int port;
    private boolean frontDoor = true;
    private FunctionCode functionCode = FunctionCode.JARS;
    private PrintStream logs = System.out;
    private Duration ttlSweepInterval = Duration.ofSeconds(2);
    private boolean defaultEventSources = true;
    private final List<EventSource> eventSources = new ArrayList<>();
    private ExternalServices external;
    private Long faultSeed;
    private final Map<String, Map<String, String>> queueOverrides = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Test-only: sets an SQS attribute of a template queue after it is created and before any event
     * source polls it, e.g. a short {@code VisibilityTimeout} so a fault test sees a failed message
     * come back in seconds instead of the template's 90 minutes.
     */
    public Builder queueAttribute(String queueLogicalId, String attribute, String value) {
      queueOverrides
          .computeIfAbsent(queueLogicalId, id -> new LinkedHashMap<>())
          .put(attribute, value);
      return this;
    }

    /**
     * Test-only fault hooks ({@link Faults}, all off until a test turns them on): functions reach
     * DynamoDB through a {@link ThrottlingDynamoDbProxy}, invocations, S3 notifications and {@code
     * @connections} posts consult {@link LocalCloud#faults()}. Random choices use {@code seed}.
     */
    public Builder faultInjection(long seed) {
      this.faultSeed = seed;
      return this;
    }

    /**
     * Use DynamoDB, SQS and S3 elsewhere (LocalStack) instead of starting them here; {@code
     * closeWithCloud} (e.g. the container) is closed last.
     */
    public Builder externalServices(URI dynamoDb, URI sqs, URI s3, AutoCloseable closeWithCloud) {
      this.external = new ExternalServices(dynamoDb, sqs, s3, closeWithCloud);
      return this;
    }

    /** The repository root (template and {@code frontend/dist} are found from here). */
    public Builder root(Path root) {
      this.root = root.toAbsolutePath().normalize();
      return this;
    }

    /** The template; default {@code <root>/template.yaml}. */
    public Builder template(Path template) {
      this.template = template.toAbsolutePath().normalize();
      return this;
    }

    /** Keep tables and objects under this directory across restarts. */
    public Builder stateDir(Path stateDir) {
      this.stateDir = stateDir.toAbsolutePath().normalize();
      return this;
    }

    /** Keep everything in memory (the default). */
    public Builder inMemory() {
      this.stateDir = null;
      return this;
    }

    /**
     * The front door's port; 0 (default) picks free ports for everything. With a fixed port N the
     * services use N+1 (DynamoDB), N+2 (SQS) and N+3 (S3), so URLs stay the same across restarts.
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** No HTTP front door (e.g. {@code invoke}): only services, resources and functions. */
    public Builder withoutFrontDoor() {
      this.frontDoor = false;
      return this;
    }

    public Builder functionCode(FunctionCode functionCode) {
      this.functionCode = functionCode;
      return this;
    }

    /** The built SPA; default {@code <root>/frontend/dist}. */
    public Builder frontendDist(Path frontendDist) {
      this.frontendDist = frontendDist.toAbsolutePath().normalize();
      return this;
    }

    /** Where start-up lines and function logs go; default stdout. */
    public Builder logs(PrintStream logs) {
      this.logs = logs;
      return this;
    }

    public Builder ttlSweepInterval(Duration interval) {
      this.ttlSweepInterval = interval;
      return this;
    }

    /** Adds an event source (started after the defaults). */
    public Builder eventSource(EventSource source) {
      this.eventSources.add(source);
      return this;
    }

    /** Starts none of {@link EventSources#defaults()}. */
    public Builder withoutDefaultEventSources() {
      this.defaultEventSources = false;
      return this;
    }

    Path templatePath() {
      return template != null ? template : root.resolve("template.yaml");
    }

    Path frontendDist() {
      return frontendDist != null ? frontendDist : root.resolve("frontend").resolve("dist");
    }

    List<EventSource> eventSources() {
      List<EventSource> all = new ArrayList<>();
      if (defaultEventSources) {
        all.addAll(EventSources.defaults());
      }
      all.addAll(eventSources);
      return all;
    }

    /**
     * Starts the cloud. Ports picked for us are only reserved until the servers bind them, and on a
     * machine where other processes bind ports too one may be taken meanwhile: then the whole start
     * is repeated with fresh ports (a port asked for explicitly is never changed).
     */
    public LocalCloud start() throws Exception {
      for (int attempt = 1; ; attempt++) {
        try {
          return new LocalCloud(this).start();
        } catch (Exception e) {
          if (port > 0 || attempt == PORT_RACE_ATTEMPTS || !lostAPortRace(e)) {
            throw e;
          }
          logs.printf(
              Locale.ROOT, "[local-cloud] a picked port was taken meanwhile; starting again%n");
        }
      }
    }

    private static boolean lostAPortRace(Throwable error) {
      for (Throwable cause = error; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException
            || String.valueOf(cause.getMessage()).startsWith("Failed to bind")) {
          return true;
        }
      }
      return false;
    }
  }
}
