package dev.kinora.transcode.mediaconvert;

import java.util.OptionalInt;

/**
 * What the uploader reads when a MediaConvert job ends in ERROR. MediaConvert's own messages name
 * buckets, roles and internal probes ("Unable to open input file [s3://…]: [Failed probe/open:
 * …]"), so they are logged, never shown; the reason is chosen from the error code (MediaConvert
 * user guide, "Error codes"): 1010 the input cannot be opened as media; the other 10xx codes are
 * about the input's content or how it can be transcoded; 14xx (permissions, assuming the role),
 * 3xxx (reading the original, writing renditions) and anything else are deployment or service
 * problems the uploader cannot fix by changing the file.
 */
public final class JobFailureReasons {
  static final String NOT_A_VIDEO =
      "This file could not be read as a video. It may be damaged or in a format we don't support.";
  static final String CANNOT_TRANSCODE =
      "This video uses a format or encoding we can't convert. Try exporting it as MP4 (H.264)"
          + " and uploading again.";
  static final String OUR_SIDE =
      "Something went wrong on our side while processing this video. Please upload it again.";

  /** MediaConvert could not open or probe the input. */
  private static final int INPUT_NOT_OPENED = 1010;

  /** 1000–1099: problems with the input's content and how it can be transcoded. */
  private static final int INPUT_CONTENT_FAMILY = 10;

  private JobFailureReasons() {}

  public static String forCode(OptionalInt errorCode) {
    if (errorCode.isEmpty()) {
      return OUR_SIDE;
    }
    int code = errorCode.getAsInt();
    if (code == INPUT_NOT_OPENED) {
      return NOT_A_VIDEO;
    }
    return code / 100 == INPUT_CONTENT_FAMILY ? CANNOT_TRANSCODE : OUR_SIDE;
  }
}
