package dev.kinora.local.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinora.local.LocalAws;
import dev.kinora.shared.aws.HttpClients;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./kinora admin grant|revoke <handle-or-email>}: the operator's tool for the {@code admin}
 * role (docs/deploy.md). Against the running local cloud by default (its DynamoDB endpoint and
 * AccountsTable name come from the front door's {@code /_kinora/resources}); against a deployed
 * stack with {@code --region R --table T} (or {@code AWS_REGION} + {@code KINORA_ACCOUNTS_TABLE}),
 * using the SDK's default credentials (profile, environment, SSO, instance role).
 *
 * <pre>
 * admin grant|revoke &lt;handle-or-email&gt; [--url U | --region R --table T [--endpoint E]] [--root R]
 * </pre>
 *
 * Exit codes: 0 done, 1 no such account or the table cannot be reached, 2 usage error.
 */
public final class AdminCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE =
      "usage: admin grant|revoke <handle-or-email> [--url <local cloud URL>"
          + " | --region <region> --table <AccountsTable name> [--endpoint <DynamoDB URL>]]";

  private AdminCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, Map.copyOf(System.getenv()), System.out, System.err));
  }

  /**
   * @param args {@code grant|revoke <who>} and options; {@code --root} names the checkout whose
   *     {@code .kinora/local-cloud.url} says where the local cloud runs
   */
  public static int run(
      String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(List.of(args), environment);
    } catch (IllegalArgumentException e) {
      err.println("kinora admin: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try (DynamoDbClient dynamoDb = options.client()) {
      var grants = new AccountRoleGrants(dynamoDb, options.table());
      var account = grants.find(options.who);
      if (account.isEmpty()) {
        err.println("kinora admin: no account with handle or email " + options.who);
        return 1;
      }
      var roles =
          options.grant
              ? grants.grant(account.get(), AccountRoleGrants.ADMIN)
              : grants.revoke(account.get(), AccountRoleGrants.ADMIN);
      out.printf(
          "%s admin %s @%s (account %s); roles now: %s%n",
          options.grant ? "granted" : "revoked",
          options.grant ? "to" : "from",
          account.get().handle(),
          account.get().accountId(),
          roles.isEmpty() ? "none" : String.join(", ", roles));
      out.println(
          "A signed-in session picks the change up within the authorizer's cache time (300 s).");
      return 0;
    } catch (UnreachableException e) {
      err.println("kinora admin: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("kinora admin: " + e.getMessage());
      return 1;
    }
  }

  static final class UnreachableException extends RuntimeException {
    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Where to act: the local cloud (resolved lazily from its front door) or a real table. */
  private static final class Options {
    boolean grant;
    String who;
    String url;
    String region;
    String table;
    String endpoint;
    String root;
    private URI localDynamoDb;
    private String localTable;

    static Options parse(List<String> args, Map<String, String> environment) {
      var o = new Options();
      var positional = new ArrayList<String>();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--url" -> o.url = value(args, ++i, arg);
          case "--region" -> o.region = value(args, ++i, arg);
          case "--table" -> o.table = value(args, ++i, arg);
          case "--endpoint" -> o.endpoint = value(args, ++i, arg);
          case "--root" -> o.root = value(args, ++i, arg);
          default -> {
            if (arg.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            positional.add(arg);
          }
        }
      }
      if (positional.size() != 2 || !List.of("grant", "revoke").contains(positional.get(0))) {
        throw new IllegalArgumentException("grant or revoke, then one handle or email");
      }
      o.grant = positional.get(0).equals("grant");
      o.who = positional.get(1);
      if (o.table == null) {
        o.table = environment.get("KINORA_ACCOUNTS_TABLE");
      }
      if (o.region == null && o.table != null) {
        o.region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
      }
      if (o.url != null && o.table != null) {
        throw new IllegalArgumentException("--url (local cloud) or --table (AWS), not both");
      }
      if (o.table != null && o.region == null) {
        throw new IllegalArgumentException("--table needs --region (or AWS_REGION)");
      }
      return o;
    }

    private static String value(List<String> args, int index, String flag) {
      if (index >= args.size()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return args.get(index);
    }

    boolean local() {
      return table == null || url != null;
    }

    String table() {
      return local() ? localTable : table;
    }

    DynamoDbClient client() {
      var builder = DynamoDbClient.builder().httpClient(HttpClients.urlConnection());
      if (!local()) {
        builder
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (endpoint != null) {
          builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
      }
      describeLocalCloud();
      return builder
          .region(LocalAws.region())
          .credentialsProvider(LocalAws.credentials())
          .endpointOverride(localDynamoDb)
          .build();
    }

    private void describeLocalCloud() {
      URI base = URI.create(url != null ? url : savedUrl());
      URI resources = base.resolve("/_kinora/resources");
      try {
        HttpResponse<String> response =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .build()
                .send(
                    HttpRequest.newBuilder(resources).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new UnreachableException(
              resources + " answered " + response.statusCode() + ": is this a local cloud?", null);
        }
        JsonNode description = JSON.readTree(response.body());
        localDynamoDb = URI.create(description.path("dynamodb").asText());
        localTable = description.at("/resources/AccountsTable/name").asText(null);
        if (localTable == null) {
          throw new UnreachableException(base + " has no AccountsTable", null);
        }
      } catch (ConnectException e) {
        throw new UnreachableException(
            "no local cloud answers at " + base + " (start it with ./kinora up, or give --url)", e);
      } catch (IOException e) {
        throw new UnreachableException("cannot read " + resources + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnreachableException("interrupted", e);
      }
    }

    private String savedUrl() {
      Path file = Path.of(root == null ? "." : root).resolve(".kinora").resolve("local-cloud.url");
      try {
        return Files.isRegularFile(file)
            ? Files.readString(file).strip()
            : "http://" + LocalAws.HOST + ":8080";
      } catch (IOException e) {
        throw new UnreachableException("cannot read " + file, e);
      }
    }
  }
}
