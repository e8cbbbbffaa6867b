package dev.kinora.bench.springhealth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The platform health endpoint as a Spring Cloud Function application, written the way the Spring
 * Cloud Function AWS guide shows it: a Boot application with one {@code Function} bean, deployed
 * with the generic handler {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker}.
 * It exists only to be measured against the plain handler (docs/decisions/001-handler-style.md).
 */
@SpringBootApplication
public class SpringHealthApplication {

  public static void main(String[] args) {
    SpringApplication.run(SpringHealthApplication.class, args);
  }

  @Bean
  public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> health() {
    return new HealthFunction();
  }
}
