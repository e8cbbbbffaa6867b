package dev.kinora.transcode.mediaconvert;

import dev.kinora.transcode.TranscodeJob;
import dev.kinora.transcode.ffmpeg.Rung;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.mediaconvert.model.AacCodecProfile;
import software.amazon.awssdk.services.mediaconvert.model.AacCodingMode;
import software.amazon.awssdk.services.mediaconvert.model.AacRateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.AacSettings;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodec;
import software.amazon.awssdk.services.mediaconvert.model.AudioCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.AudioDefaultSelection;
import software.amazon.awssdk.services.mediaconvert.model.AudioDescription;
import software.amazon.awssdk.services.mediaconvert.model.AudioSelector;
import software.amazon.awssdk.services.mediaconvert.model.ContainerSettings;
import software.amazon.awssdk.services.mediaconvert.model.ContainerType;
import software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest;
import software.amazon.awssdk.services.mediaconvert.model.FileGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.FrameCaptureSettings;
import software.amazon.awssdk.services.mediaconvert.model.H264CodecLevel;
import software.amazon.awssdk.services.mediaconvert.model.H264CodecProfile;
import software.amazon.awssdk.services.mediaconvert.model.H264FramerateControl;
import software.amazon.awssdk.services.mediaconvert.model.H264GopSizeUnits;
import software.amazon.awssdk.services.mediaconvert.model.H264QualityTuningLevel;
import software.amazon.awssdk.services.mediaconvert.model.H264RateControlMode;
import software.amazon.awssdk.services.mediaconvert.model.H264SceneChangeDetect;
import software.amazon.awssdk.services.mediaconvert.model.H264Settings;
import software.amazon.awssdk.services.mediaconvert.model.HlsCodecSpecification;
import software.amazon.awssdk.services.mediaconvert.model.HlsDirectoryStructure;
import software.amazon.awssdk.services.mediaconvert.model.HlsGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.HlsManifestDurationFormat;
import software.amazon.awssdk.services.mediaconvert.model.HlsOutputSelection;
import software.amazon.awssdk.services.mediaconvert.model.HlsSegmentControl;
import software.amazon.awssdk.services.mediaconvert.model.HlsSegmentLengthControl;
import software.amazon.awssdk.services.mediaconvert.model.HlsSettings;
import software.amazon.awssdk.services.mediaconvert.model.HlsStreamInfResolution;
import software.amazon.awssdk.services.mediaconvert.model.Input;
import software.amazon.awssdk.services.mediaconvert.model.InputRotate;
import software.amazon.awssdk.services.mediaconvert.model.InputTimecodeSource;
import software.amazon.awssdk.services.mediaconvert.model.JobSettings;
import software.amazon.awssdk.services.mediaconvert.model.Output;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroup;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupSettings;
import software.amazon.awssdk.services.mediaconvert.model.OutputGroupType;
import software.amazon.awssdk.services.mediaconvert.model.OutputSettings;
import software.amazon.awssdk.services.mediaconvert.model.ScalingBehavior;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodec;
import software.amazon.awssdk.services.mediaconvert.model.VideoCodecSettings;
import software.amazon.awssdk.services.mediaconvert.model.VideoDescription;
import software.amazon.awssdk.services.mediaconvert.model.VideoSelector;

/**
 * The CreateJob request for one video: a pure function of the job, the ladder and the settings, so
 * it is tested without any client.
 *
 * <p>What the job writes, under the job's media prefix {@code media/{videoId}/}:
 *
 * <ul>
 *   <li>one HLS group: {@code master.m3u8} (BANDWIDTH, RESOLUTION, CODECS per variant) and per rung
 *       {@code master_{rung}.m3u8} with {@code master_{rung}_00001.ts}… MediaConvert names variant
 *       playlists after the group's file name plus a name modifier and cannot put them in {@code
 *       {rung}/index.m3u8} folders as the ffmpeg path does; players only ever open the master
 *       playlist, whose URL is the same on both paths;
 *   <li>one frame-capture group: poster candidates {@code thumbnail.0000000.jpg}, {@code
 *       thumbnail.0000001.jpg}… one per segment, at most {@link LadderSpec#maxFrameCaptures()}.
 *       MediaConvert cannot seek to 10 % of a duration it has not probed yet; the COMPLETE event
 *       reports the duration and the last capture, and {@link MediaConvertJobFinisher} picks the
 *       candidate nearest to {@link LadderSpec#thumbnailPositionFraction()} of the duration.
 * </ul>
 *
 * <p>Every rung is H.264 with QVBR rate control capped like the ffmpeg path caps it: peak {@code
 * maxBitrate} = bitrate × {@link LadderSpec#maxRateFactor()}, HRD buffer = bitrate × {@link
 * LadderSpec#bufferFactor()}. Easy scenes cost less than the cap, busy ones never exceed what the
 * master playlist advertises. Keyframes come every {@link LadderSpec#keyframeIntervalSeconds()}
 * seconds as closed GOPs with scene-change keyframes off, so segment boundaries line up across
 * rungs (as {@code -sc_threshold 0} does for ffmpeg). Each rung asks for its landscape frame size
 * with {@code FIT_NO_UPSCALE}: a landscape source fills it, a portrait source keeps its orientation
 * at the rung's height (1080x1920 becomes 608x1080 for 1080p, as ffmpeg's {@code scale=-2:1080}),
 * and a source smaller than a rung is not upscaled (that rung repeats the source size; MediaConvert
 * does not probe before encoding, so it cannot drop the rung).
 *
 * <p>Audio: input audio selector 1 is marked as the job's default selector and every rung carries
 * AAC-LC ({@link LadderSpec#audioChannels()} channels) at the rung's audio bitrate, muxed into the
 * rung's segments like the ffmpeg path. MediaConvert documents that an output whose selector finds
 * no audio uses the default selector; for a source with no audio track at all we rely on
 * MediaConvert filling the track with silence rather than failing the job. That is not verifiable
 * without a real account (functions/transcode README, "MediaConvert backend"); if it fails, the
 * ERROR event marks the video failed with a reason.
 */
public final class LadderJobRequest {
  /** The one audio selector; outputs refer to it by this name. */
  static final String AUDIO_SELECTOR = "Audio Selector 1";

  /** User metadata keys; the EventBridge rule and {@link JobStateChange} read them back. */
  static final String VIDEO_ID_KEY = "videoId";

  static final String STACK_KEY = "kinoraStack";

  /** The base name of the HLS group's master playlist and of every variant playlist. */
  static final String PLAYLIST_BASE_NAME = "master";

  static final String THUMBNAIL_BASE_NAME = "thumbnail";

  /**
   * MediaConvert's AAC encoder needs an explicit sample rate; 48 kHz is the rate of video audio, so
   * nothing is resampled in the common case.
   */
  private static final int AAC_SAMPLE_RATE_HZ = 48_000;

  private static final int BITS_PER_KILOBIT = 1000;

  private LadderJobRequest() {}

  public static CreateJobRequest of(
      TranscodeJob job, LadderSpec ladder, MediaConvertSettings settings) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(VIDEO_ID_KEY, job.videoId());
    metadata.put(STACK_KEY, settings.stackTag());
    var request =
        CreateJobRequest.builder()
            .role(settings.roleArn())
            .userMetadata(metadata)
            // A redelivered transcode message within a minute gets the same job back instead of
            // a second, billed one.
            .clientRequestToken(job.videoId())
            .settings(
                JobSettings.builder()
                    .inputs(input(job))
                    .outputGroups(hlsLadder(job, ladder), thumbnail(job, ladder))
                    .build());
    settings.queue().ifPresent(request::queue);
    return request.build();
  }

  private static Input input(TranscodeJob job) {
    return Input.builder()
        .fileInput(s3Url(job.sourceBucket(), job.sourceKey()))
        // Phone clips store portrait as landscape pixels plus a rotation flag; AUTO applies it.
        .videoSelector(VideoSelector.builder().rotate(InputRotate.AUTO).build())
        .audioSelectors(
            Map.of(
                AUDIO_SELECTOR,
                AudioSelector.builder().defaultSelection(AudioDefaultSelection.DEFAULT).build()))
        .timecodeSource(InputTimecodeSource.ZEROBASED)
        .build();
  }

  private static OutputGroup hlsLadder(TranscodeJob job, LadderSpec ladder) {
    List<Output> outputs = ladder.rungs().stream().map(rung -> rendition(rung, ladder)).toList();
    return OutputGroup.builder()
        .name("Apple HLS")
        .customName("ladder")
        .outputGroupSettings(
            OutputGroupSettings.builder()
                .type(OutputGroupType.HLS_GROUP_SETTINGS)
                .hlsGroupSettings(
                    HlsGroupSettings.builder()
                        .destination(
                            s3Url(job.mediaBucket(), job.mediaPrefix() + PLAYLIST_BASE_NAME))
                        .segmentControl(HlsSegmentControl.SEGMENTED_FILES)
                        .segmentLength(ladder.segmentSeconds())
                        .segmentLengthControl(HlsSegmentLengthControl.GOP_MULTIPLE)
                        .minSegmentLength(0)
                        .directoryStructure(HlsDirectoryStructure.SINGLE_DIRECTORY)
                        .outputSelection(HlsOutputSelection.MANIFESTS_AND_SEGMENTS)
                        .manifestDurationFormat(HlsManifestDurationFormat.FLOATING_POINT)
                        .streamInfResolution(HlsStreamInfResolution.INCLUDE)
                        .codecSpecification(HlsCodecSpecification.RFC_4281)
                        .build())
                .build())
        .outputs(outputs)
        .build();
  }

  private static Output rendition(Rung rung, LadderSpec ladder) {
    return Output.builder()
        .nameModifier("_" + rung.name())
        .containerSettings(ContainerSettings.builder().container(ContainerType.M3_U8).build())
        .outputSettings(OutputSettings.builder().hlsSettings(HlsSettings.builder().build()).build())
        .videoDescription(
            VideoDescription.builder()
                .width(rung.width())
                .height(rung.height())
                .scalingBehavior(ScalingBehavior.FIT_NO_UPSCALE)
                .codecSettings(
                    VideoCodecSettings.builder()
                        .codec(VideoCodec.H_264)
                        .h264Settings(h264(rung, ladder))
                        .build())
                .build())
        .audioDescriptions(
            AudioDescription.builder()
                .audioSourceName(AUDIO_SELECTOR)
                .codecSettings(
                    AudioCodecSettings.builder()
                        .codec(AudioCodec.AAC)
                        .aacSettings(
                            AacSettings.builder()
                                .codecProfile(AacCodecProfile.LC)
                                .codingMode(
                                    ladder.audioChannels() == 1
                                        ? AacCodingMode.CODING_MODE_1_0
                                        : AacCodingMode.CODING_MODE_2_0)
                                .rateControlMode(AacRateControlMode.CBR)
                                .bitrate(rung.audioKbps() * BITS_PER_KILOBIT)
                                .sampleRate(AAC_SAMPLE_RATE_HZ)
                                .build())
                        .build())
                .build())
        .build();
  }

  private static H264Settings h264(Rung rung, LadderSpec ladder) {
    return H264Settings.builder()
        .rateControlMode(H264RateControlMode.QVBR)
        .maxBitrate(bitsPerSecond(rung.videoKbps(), ladder.maxRateFactor()))
        .hrdBufferSize(bitsPerSecond(rung.videoKbps(), ladder.bufferFactor()))
        .qualityTuningLevel(H264QualityTuningLevel.SINGLE_PASS_HQ)
        .codecProfile(H264CodecProfile.HIGH)
        .codecLevel(H264CodecLevel.AUTO)
        .framerateControl(H264FramerateControl.INITIALIZE_FROM_SOURCE)
        .gopSize((double) ladder.keyframeIntervalSeconds())
        .gopSizeUnits(H264GopSizeUnits.SECONDS)
        .gopClosedCadence(1)
        .sceneChangeDetect(H264SceneChangeDetect.DISABLED)
        .minIInterval(0)
        .build();
  }

  private static OutputGroup thumbnail(TranscodeJob job, LadderSpec ladder) {
    return OutputGroup.builder()
        .name("File Group")
        .customName("thumbnail")
        .outputGroupSettings(
            OutputGroupSettings.builder()
                .type(OutputGroupType.FILE_GROUP_SETTINGS)
                .fileGroupSettings(
                    FileGroupSettings.builder()
                        .destination(
                            s3Url(job.mediaBucket(), job.mediaPrefix() + THUMBNAIL_BASE_NAME))
                        .build())
                .build())
        .outputs(
            Output.builder()
                .extension("jpg")
                .containerSettings(ContainerSettings.builder().container(ContainerType.RAW).build())
                .videoDescription(
                    VideoDescription.builder()
                        // Width only: MediaConvert derives the height from the source's aspect.
                        .width(ladder.thumbnailWidth())
                        .codecSettings(
                            VideoCodecSettings.builder()
                                .codec(VideoCodec.FRAME_CAPTURE)
                                .frameCaptureSettings(
                                    FrameCaptureSettings.builder()
                                        .framerateNumerator(1)
                                        .framerateDenominator(ladder.frameCaptureIntervalSeconds())
                                        .maxCaptures(ladder.maxFrameCaptures())
                                        .build())
                                .build())
                        .build())
                .build())
        .build();
  }

  private static int bitsPerSecond(int kbps, double factor) {
    return (int) Math.round(kbps * BITS_PER_KILOBIT * factor);
  }

  static String s3Url(String bucket, String key) {
    return "s3://" + bucket + "/" + key;
  }
}
