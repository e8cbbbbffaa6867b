package dev.kinora.local.template;

import java.util.List;
import java.util.Optional;

/**
 * The values of CloudFormation's pseudo parameters ({@code AWS::Region}, {@code AWS::AccountId} …).
 * {@link #local()} gives the local cloud's; the {@code with…} methods override one.
 */
public record PseudoParameters(
    String region, String accountId, String stackName, String partition, String urlSuffix) {
  public static final List<String> NAMES =
      List.of(
          "AWS::AccountId",
          "AWS::NotificationARNs",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");

  public static PseudoParameters local() {
    return new PseudoParameters(
        "us-east-1", "000000000000", "kinora-local", "aws", "amazonaws.com");
  }

  public PseudoParameters withRegion(String value) {
    return new PseudoParameters(value, accountId, stackName, partition, urlSuffix);
  }

  public PseudoParameters withAccountId(String value) {
    return new PseudoParameters(region, value, stackName, partition, urlSuffix);
  }

  public PseudoParameters withStackName(String value) {
    return new PseudoParameters(region, accountId, value, partition, urlSuffix);
  }

  public PseudoParameters withPartition(String value) {
    return new PseudoParameters(region, accountId, stackName, value, urlSuffix);
  }

  public PseudoParameters withUrlSuffix(String value) {
    return new PseudoParameters(region, accountId, stackName, partition, value);
  }

  public static boolean isPseudo(String name) {
    return NAMES.contains(name);
  }

  /**
   * The value of a pseudo parameter; empty for other names. {@code AWS::NoValue} is {@link
   * Intrinsics#NO_VALUE}.
   */
  public Optional<Object> value(String name) {
    return Optional.ofNullable(
        switch (name) {
          case "AWS::Region" -> region;
          case "AWS::AccountId" -> accountId;
          case "AWS::StackName" -> stackName;
          case "AWS::StackId" ->
              "arn:"
                  + partition
                  + ":cloudformation:"
                  + region
                  + ":"
                  + accountId
                  + ":stack/"
                  + stackName
                  + "/00000000-0000-0000-0000-000000000000";
          case "AWS::Partition" -> partition;
          case "AWS::URLSuffix" -> urlSuffix;
          case "AWS::NotificationARNs" -> List.of();
          case "AWS::NoValue" -> Intrinsics.NO_VALUE;
          default -> null;
        });
  }
}
