package dev.kinora.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ContractException;
import java.time.Duration;

/**
 * limits.json {@code search}: the numbers search and the indexer use. Read here rather than in the
 * shared {@code Limits} record because only this module needs them.
 */
public record SearchLimits(
    int queryMinLength,
    int queryMaxLength,
    int maxTerms,
    double minimumShouldMatchFraction,
    int oneEditMinLength,
    int twoEditsMinLength,
    int maxSuggestions,
    UploadDateWindows uploadDate,
    int shortMaxSeconds,
    int longMinSeconds,
    int refreshIntervalSeconds,
    int retainedGenerations,
    double viewCountStepFactor) {

  /** Hours back from now per upload-date filter. */
  public record UploadDateWindows(int hour, int today, int week, int month, int year) {}

  public static SearchLimits from(Contract contract) {
    JsonNode search = contract.limitsValue("search");
    return new SearchLimits(
        integer(search, "query/min"),
        integer(search, "query/max"),
        integer(search, "query/maxTerms"),
        decimal(search, "query/minimumShouldMatchFraction"),
        integer(search, "fuzzy/oneEditMinLength"),
        integer(search, "fuzzy/twoEditsMinLength"),
        integer(search, "suggestions/max"),
        new UploadDateWindows(
            integer(search, "uploadDateWindowHours/hour"),
            integer(search, "uploadDateWindowHours/today"),
            integer(search, "uploadDateWindowHours/week"),
            integer(search, "uploadDateWindowHours/month"),
            integer(search, "uploadDateWindowHours/year")),
        integer(search, "duration/shortMaxSeconds"),
        integer(search, "duration/longMinSeconds"),
        integer(search, "refreshIntervalSeconds"),
        integer(search, "index/retainedGenerations"),
        decimal(search, "index/viewCountStepFactor"));
  }

  public Duration refreshInterval() {
    return Duration.ofSeconds(refreshIntervalSeconds);
  }

  /** Lucene's fuzzy matching allows at most two edits; short words get fewer or none. */
  public int maxEdits(int termLength) {
    if (termLength >= twoEditsMinLength) {
      return 2;
    }
    return termLength >= oneEditMinLength ? 1 : 0;
  }

  private static int integer(JsonNode search, String path) {
    JsonNode value = search.at("/" + path);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ContractException("limits.json search." + path.replace('/', '.') + " missing");
    }
    return value.intValue();
  }

  private static double decimal(JsonNode search, String path) {
    JsonNode value = search.at("/" + path);
    if (!value.isNumber()) {
      throw new ContractException("limits.json search." + path.replace('/', '.') + " missing");
    }
    return value.doubleValue();
  }
}
