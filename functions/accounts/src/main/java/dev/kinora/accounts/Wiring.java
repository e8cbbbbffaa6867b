package dev.kinora.accounts;

import dev.kinora.shared.aws.AwsClients;
import dev.kinora.shared.aws.S3Clients;
import dev.kinora.shared.config.Config;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.Limits;
import dev.kinora.shared.ratelimit.DynamoRateLimitCounter;
import dev.kinora.shared.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Plain constructors, once per container. Configuration: {@code ACCOUNTS_TABLE}, {@code
 * SESSIONS_TABLE}, {@code RATE_LIMITS_TABLE}, {@code MEDIA_BUCKET} (template.yaml gives them), and
 * {@code AWS_ENDPOINT_URL_S3} locally (then the presigned avatar URLs name that server). The
 * authorizer only builds the session side, so it never pays for the password hasher's set-up.
 */
public final class Wiring {
  private final Config config;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();
  private final DynamoDbClient dynamoDb;
  private final Limits limits = Contract.load().limits();
  private SessionService sessionService;
  private AccountService accountService;
  private AvatarService avatarService;
  private DynamoAccountStore accountStore;
  private RateLimiter rateLimiter;

  private Wiring(Config config) {
    this.config = config;
    this.dynamoDb = AwsClients.dynamoDb(config);
  }

  public static Wiring fromEnvironment() {
    return from(Config.fromEnvironment());
  }

  public static Wiring from(Config config) {
    return new Wiring(config);
  }

  public Clock clock() {
    return clock;
  }

  public synchronized SessionService sessionService() {
    if (sessionService == null) {
      sessionService =
          new SessionService(
              new DynamoSessionStore(dynamoDb, config.require("SESSIONS_TABLE")),
              random,
              clock,
              limits.account().sessionTtl(),
              limits.account().sessionRefreshInterval(),
              // The authorizer reads roles from the account (ACCOUNTS_TABLE); a function wired
              // without the table (none today) would see no roles, never more.
              config
                  .find("ACCOUNTS_TABLE")
                  .<AccountRoles>map(table -> new DynamoAccountRoles(dynamoDb, table))
                  .orElse(AccountRoles.NONE));
    }
    return sessionService;
  }

  public synchronized AccountService accountService() {
    if (accountService == null) {
      accountService =
          new AccountService(
              accountStore(),
              sessionService(),
              new PasswordHasher(Argon2Parameters.OWASP, random),
              PasswordPolicy.bundled(),
              rateLimiter(),
              avatarService(),
              random,
              clock);
    }
    return accountService;
  }

  /** S3 clients are built here, so the authorizer (sessions only) never loads them. */
  public synchronized AvatarService avatarService() {
    if (avatarService == null) {
      avatarService =
          new AvatarService(
              accountStore(),
              new S3AvatarStorage(
                  S3Clients.s3(config),
                  S3Clients.presigner(config),
                  config.require("MEDIA_BUCKET")),
              new AvatarRules(limits.channel().avatar()),
              rateLimiter(),
              random,
              clock);
    }
    return avatarService;
  }

  private DynamoAccountStore accountStore() {
    if (accountStore == null) {
      accountStore = new DynamoAccountStore(dynamoDb, config.require("ACCOUNTS_TABLE"));
    }
    return accountStore;
  }

  private RateLimiter rateLimiter() {
    if (rateLimiter == null) {
      rateLimiter =
          new RateLimiter(
              limits,
              new DynamoRateLimitCounter(dynamoDb, config.require("RATE_LIMITS_TABLE")),
              clock);
    }
    return rateLimiter;
  }
}
