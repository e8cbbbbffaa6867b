package dev.kinora.search;

import static dev.kinora.shared.http.Route.get;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kinora.shared.contract.Contract;
import dev.kinora.shared.contract.ValidationIssue;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.ApiRequest;
import dev.kinora.shared.http.ApiResponses;
import dev.kinora.shared.http.Routes;
import dev.kinora.shared.model.PageMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Search over HTTP: {@code GET /api/v1/search} and {@code GET /api/v1/search/suggestions}, both
 * public. Every query parameter is checked against its contract schema; all problems are reported
 * together, each at {@code /<parameter>}.
 */
public final class SearchApi
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final Routes<SearchApi> ROUTES =
      Routes.of(
          get("/api/v1/search", SearchApi::search),
          get("/api/v1/search/suggestions", SearchApi::suggestions));

  private final SearchService search;
  private final Contract contract;

  /** The constructor Lambda calls: the index is loaded once per container, here. */
  public SearchApi() {
    this(Wiring.fromEnvironment().searchService());
  }

  /** The handler over explicit wiring (the shaded-jar smoke test uses it). */
  public static SearchApi using(Wiring wiring) {
    return new SearchApi(wiring.searchService());
  }

  SearchApi(SearchService search) {
    this.search = search;
    this.contract = Contract.load();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return ROUTES.dispatch(this, event);
  }

  private APIGatewayV2HTTPResponse search(ApiRequest request) {
    var issues = new ArrayList<ValidationIssue>();
    String text = required(request, "q", "SearchText", issues);
    UploadDate uploadDate =
        optional(request, "uploadDate", "SearchUploadDate", issues, UploadDate::fromWire);
    DurationFilter duration =
        optional(request, "duration", "SearchDuration", issues, DurationFilter::fromWire);
    String category = optional(request, "category", "SearchCategory", issues, value -> value);
    SearchSort sort = optional(request, "sort", "SearchSort", issues, SearchSort::fromWire);
    if (!issues.isEmpty()) {
      throw ApiException.validation(issues);
    }
    String cursor = request.query("cursor").orElse(null);
    try {
      SearchService.Page page =
          search.search(
              new SearchService.Request(
                  text,
                  uploadDate,
                  duration,
                  category,
                  sort == null ? SearchSort.RELEVANCE : sort,
                  cursor));
      return ApiResponses.ok(page.cards(), new PageMeta(page.nextCursor()));
    } catch (SearchCursor.InvalidCursorException e) {
      throw ApiException.validation(List.of(new ValidationIssue("/cursor", e.getMessage())));
    }
  }

  private APIGatewayV2HTTPResponse suggestions(ApiRequest request) {
    var issues = new ArrayList<ValidationIssue>();
    String text = required(request, "q", "SearchText", issues);
    if (!issues.isEmpty()) {
      throw ApiException.validation(issues);
    }
    return ApiResponses.ok(search.suggest(text));
  }

  private String required(
      ApiRequest request, String name, String schema, List<ValidationIssue> issues) {
    Optional<String> value = request.query(name);
    if (value.isEmpty()) {
      issues.add(new ValidationIssue("/" + name, "is required"));
      return null;
    }
    return checked(name, schema, value.get(), issues) ? value.get() : null;
  }

  private <T> T optional(
      ApiRequest request,
      String name,
      String schema,
      List<ValidationIssue> issues,
      Function<String, T> parse) {
    Optional<String> value = request.query(name);
    if (value.isEmpty() || !checked(name, schema, value.get(), issues)) {
      return null;
    }
    return parse.apply(value.get());
  }

  private boolean checked(String name, String schema, String value, List<ValidationIssue> issues) {
    List<ValidationIssue> found = contract.validate(schema, TextNode.valueOf(value));
    found.forEach(
        issue -> issues.add(new ValidationIssue("/" + name + issue.path(), issue.message())));
    return found.isEmpty();
  }
}
