package dev.kinora.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The fixed identity of the local cloud: one account, one region, one pair of credentials. */
public final class LocalAws {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  public static final String STACK_NAME = "kinora-local";
  public static final String ACCESS_KEY_ID = "kinora-local";
  public static final String SECRET_ACCESS_KEY = "kinora-local-secret";
  public static final String HOST = "127.0.0.1";

  private LocalAws() {}

  public static Region region() {
    return Region.of(REGION);
  }

  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }

  public static String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT_ID + ":" + resource;
  }
}
