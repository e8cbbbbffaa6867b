package dev.kinora.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.http.HttpApiAuth;
import dev.kinora.shared.contract.Contract;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The repository's template.yaml guards exactly the routes the contract says need a session: a
 * route is open ({@code Auth: {Authorizer: NONE}}, or an authorizer without identity sources, which
 * API Gateway calls even for a request without cookies) if and only if its operation is {@code
 * x-kinora-public}, and every route is an operation of the contract.
 */
class ContractAuthTest {

  @Test
  void routesAreOpenExactlyWhenTheContractMarksThemPublic() {
    Template template = Template.load(Fixtures.repositoryRoot().resolve("template.yaml"));
    Map<String, HttpApiAuth> apis = HttpApiAuth.fromTemplate(template);
    Contract contract = Contract.load();
    Map<String, Boolean> openByRoute = new TreeMap<>();
    for (FunctionDef function : template.functions()) {
      for (EventDef event : function.events()) {
        if (!"HttpApi".equals(event.type())) {
          continue;
        }
        Object apiRef = event.properties().get("ApiId");
        HttpApiAuth auth =
            apiRef instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id
                ? apis.getOrDefault(id, HttpApiAuth.open())
                : HttpApiAuth.open();
        String authorizer = auth.authorizerFor(event);
        openByRoute.put(
            event.properties().get("Method") + " " + event.properties().get("Path"),
            authorizer == null || auth.authorizers().get(authorizer).identitySources().isEmpty());
      }
    }

    assertThat(contract.operations()).containsAll(openByRoute.keySet());
    openByRoute.forEach(
        (route, open) ->
            assertThat(open)
                .as("%s is open in template.yaml iff x-kinora-public in openapi.yaml", route)
                .isEqualTo(contract.publicOperations().contains(route)));
  }
}
