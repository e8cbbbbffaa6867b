package dev.kinora.transcode.mediaconvert;

import dev.kinora.shared.config.Config;
import java.net.URI;
import java.util.Optional;

/**
 * Where and as whom jobs are submitted (template.yaml gives the values when the stack's {@code
 * TranscodeBackend} parameter is {@code mediaconvert}).
 *
 * @param endpoint {@code MEDIACONVERT_ENDPOINT}: the account-specific endpoint ({@code
 *     https://abcd1234.mediaconvert.<region>.amazonaws.com}) where an account still needs one;
 *     empty = the SDK's regional endpoint
 * @param roleArn {@code MEDIACONVERT_ROLE_ARN}: the role MediaConvert assumes to read raw/ and
 *     write media/ (the function needs {@code iam:PassRole} on exactly this role)
 * @param queue {@code MEDIACONVERT_QUEUE}: a queue ARN; empty = the account's Default queue
 * @param stackTag {@code KINORA_STACK}: written into every job's user metadata so the EventBridge
 *     rule of this stack only sees its own jobs (dev and prod may share an account and region)
 */
public record MediaConvertSettings(
    Optional<URI> endpoint, String roleArn, Optional<String> queue, String stackTag) {

  public static MediaConvertSettings from(Config config) {
    return new MediaConvertSettings(
        config.find("MEDIACONVERT_ENDPOINT").map(URI::create),
        config.require("MEDIACONVERT_ROLE_ARN"),
        config.find("MEDIACONVERT_QUEUE"),
        config.require("KINORA_STACK"));
  }
}
