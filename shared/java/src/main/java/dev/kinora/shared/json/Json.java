package dev.kinora.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson configuration every Kinora runtime uses, so the wire format is the same
 * everywhere.
 *
 * <p>Absent optional fields are omitted rather than written as {@code null} (the contract marks
 * them optional, not nullable). Timestamps are RFC 3339 strings in UTC. Input is strict: trailing
 * tokens and duplicate keys are rejected, because a lenient parser would accept bodies the
 * TypeScript side (and any careful client) treats as malformed.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_NULL, Include.NON_NULL))
          .addModule(instantAsRfc3339())
          .build();

  private Json() {}

  /** The shared, thread-safe mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serializes {@code value} to a JSON string; a failure here is a programming error. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getName(), e);
    }
  }

  /** Converts a value (record, map, list) to a JSON tree. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * java.time support without jackson-datatype-jsr310: the contract only uses instants, and the
   * full module would add classes to every function jar for types Kinora never sends.
   */
  private static SimpleModule instantAsRfc3339() {
    var module = new SimpleModule("kinora-instant");
    module.addSerializer(
        Instant.class,
        new StdScalarSerializer<>(Instant.class) {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    module.addDeserializer(
        Instant.class,
        new StdScalarDeserializer<>(Instant.class) {
          @Override
          public Instant deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
              return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            try {
              return Instant.parse(text);
            } catch (DateTimeParseException e) {
              return (Instant) context.handleWeirdStringValue(Instant.class, text, e.getMessage());
            }
          }
        });
    return module;
  }
}
