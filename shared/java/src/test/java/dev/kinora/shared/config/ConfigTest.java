package dev.kinora.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @AfterEach
  void forgetOverlay() {
    Config.useEnvironment(Map.of());
  }

  @Test
  void valuesGivenByTheLocalCloudOverlayTheProcessEnvironment() {
    String someProcessVariable = System.getenv().keySet().iterator().next();
    Config.useEnvironment(Map.of(someProcessVariable, "overridden", "KINORA_TABLE", "videos"));

    Config config = Config.fromEnvironment();

    assertThat(config.require(someProcessVariable)).isEqualTo("overridden");
    assertThat(config.require("KINORA_TABLE")).isEqualTo("videos");
  }

  @Test
  void aMissingRequiredKeyIsNamedInTheError() {
    Config config = Config.of(Map.of());

    assertThatThrownBy(() -> config.require("VIDEOS_TABLE"))
        .isInstanceOf(Config.MissingConfigurationException.class)
        .hasMessageContaining("VIDEOS_TABLE")
        .hasMessageContaining("template.yaml");
  }

  @Test
  void blankCountsAsMissing() {
    Config config = Config.of(Map.of("REGION", "  "));

    assertThat(config.find("REGION")).isEmpty();
    assertThat(config.get("REGION", "eu-west-1")).isEqualTo("eu-west-1");
  }

  @Test
  void typedGettersParseOrFallBackToTheirDefault() {
    Config config =
        Config.of(Map.of("PORT", "4566", "SIZE", "5368709120", "DEBUG", "TRUE", "WAIT", "PT30S"));

    assertThat(config.getInt("PORT", 0)).isEqualTo(4566);
    assertThat(config.getInt("ABSENT", 7)).isEqualTo(7);
    assertThat(config.getLong("SIZE", 0)).isEqualTo(5_368_709_120L);
    assertThat(config.getBoolean("DEBUG", false)).isTrue();
    assertThat(config.getDuration("WAIT", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aMalformedValueIsNamedInTheError() {
    Config config = Config.of(Map.of("PORT", "eighty", "DEBUG", "yes"));

    assertThatThrownBy(() -> config.getInt("PORT", 0))
        .isInstanceOf(Config.InvalidConfigurationException.class)
        .hasMessageContaining("PORT=eighty");
    assertThatThrownBy(() -> config.getBoolean("DEBUG", false))
        .hasMessageContaining("true or false");
  }
}
