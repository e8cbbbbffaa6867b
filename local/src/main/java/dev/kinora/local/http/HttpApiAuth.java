package dev.kinora.local.http;

import dev.kinora.local.template.EventDef;
import dev.kinora.local.template.Resource;
import dev.kinora.local.template.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Auth} of an {@code AWS::Serverless::HttpApi}: its Lambda authorizers and the default
 * one, read from the template as SAM translates them. {@code Identity.Headers: [Cookie]} becomes
 * the identity source {@code $request.header.Cookie}, {@code QueryStrings: [q]} {@code
 * $request.querystring.q}; {@code ReauthorizeEvery} is the cache TTL (SAM's default 300 s).
 */
public record HttpApiAuth(String defaultAuthorizer, Map<String, Config> authorizers) {
  /** What SAM writes as the route's {@code Auth.Authorizer} to leave it open. */
  public static final String NONE = "NONE";

  private static final int SAM_DEFAULT_TTL_SECONDS = 300;

  public HttpApiAuth {
    authorizers = Map.copyOf(authorizers);
  }

  /**
   * One Lambda authorizer.
   *
   * @param functionId the logical id of the authorizer function
   * @param identitySources selection expressions, e.g. {@code $request.header.Cookie}
   * @param cacheTtl how long an answer is cached per identity; zero disables caching
   */
  public record Config(
      String name,
      String functionId,
      String payloadFormatVersion,
      boolean simpleResponses,
      List<String> identitySources,
      Duration cacheTtl) {
    public Config {
      identitySources = List.copyOf(identitySources);
    }
  }

  /** An API without authorizers. */
  public static HttpApiAuth open() {
    return new HttpApiAuth(null, Map.of());
  }

  /** The Auth of every {@code AWS::Serverless::HttpApi} of the template, by logical id. */
  public static Map<String, HttpApiAuth> fromTemplate(Template template) {
    Map<String, HttpApiAuth> apis = new LinkedHashMap<>();
    for (Resource api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      apis.put(api.logicalId(), of(map(api.properties().get("Auth"))));
    }
    return apis;
  }

  static HttpApiAuth of(Map<String, Object> auth) {
    Map<String, Config> authorizers = new LinkedHashMap<>();
    map(auth.get("Authorizers"))
        .forEach(
            (name, value) -> {
              Map<String, Object> properties = map(value);
              Object arn = properties.get("FunctionArn");
              if (arn == null) {
                return; // a JWT authorizer: not emulated, its routes stay open locally
              }
              Map<String, Object> identity = map(properties.get("Identity"));
              List<String> sources = new ArrayList<>();
              list(identity.get("Headers")).forEach(h -> sources.add("$request.header." + h));
              list(identity.get("QueryStrings"))
                  .forEach(q -> sources.add("$request.querystring." + q));
              Object ttl = identity.get("ReauthorizeEvery");
              authorizers.put(
                  name,
                  new Config(
                      name,
                      functionId(arn)
                          .orElseThrow(
                              () ->
                                  new IllegalArgumentException(
                                      "authorizer "
                                          + name
                                          + ": FunctionArn must be !GetAtt Fn.Arn or !Ref"
                                          + " Fn.Alias of a function in the template, not "
                                          + arn)),
                      String.valueOf(
                          properties.getOrDefault("AuthorizerPayloadFormatVersion", "2.0")),
                      Boolean.parseBoolean(
                          String.valueOf(properties.getOrDefault("EnableSimpleResponses", false))),
                      sources,
                      Duration.ofSeconds(
                          ttl == null
                              ? SAM_DEFAULT_TTL_SECONDS
                              : Long.parseLong(String.valueOf(ttl).trim()))));
            });
    Object defaultAuthorizer = auth.get("DefaultAuthorizer");
    return new HttpApiAuth(
        defaultAuthorizer == null ? null : String.valueOf(defaultAuthorizer), authorizers);
  }

  /**
   * The authorizer guarding an {@code HttpApi} event's route, or null: the event's {@code
   * Auth.Authorizer} ({@code NONE} opens it), else the API's default.
   */
  public String authorizerFor(EventDef event) {
    Object named = map(event.properties().get("Auth")).get("Authorizer");
    String name = named == null ? defaultAuthorizer : String.valueOf(named);
    if (name == null || NONE.equals(name) || !authorizers.containsKey(name)) {
      return null;
    }
    return name;
  }

  /** The function of {@code !GetAtt Fn.Arn}, {@code !Ref Fn.Alias} or {@code !Ref Fn}. */
  static Optional<String> functionId(Object arn) {
    Map<String, Object> intrinsic = map(arn);
    if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty()) {
      return Optional.of(String.valueOf(getAtt.get(0)));
    }
    if (intrinsic.get("Fn::GetAtt") instanceof String dotted && dotted.contains(".")) {
      return Optional.of(dotted.substring(0, dotted.indexOf('.')));
    }
    if (intrinsic.get("Ref") instanceof String ref) {
      return Optional.of(ref.endsWith(".Alias") ? ref.substring(0, ref.length() - 6) : ref);
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
