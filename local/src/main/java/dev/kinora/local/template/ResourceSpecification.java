package dev.kinora.local.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification (vendored from npm {@code @aws-cdk/cfnspec}, see {@code
 * tools/cfnspec/update.sh}) with the SAM types of {@code sam-overlay.json} and its {@code overlay}
 * of newer properties merged in.
 */
public final class ResourceSpecification {
  private static final String SPEC = "/cfnspec/cfn-resource-spec.json.gz";
  private static final String SAM = "/cfnspec/sam-overlay.json";

  private final Map<String, Object> resourceTypes;
  private final Map<String, Object> propertyTypes;
  private final Map<String, Object> globals;
  private final String version;
  private final String samVersion;

  private ResourceSpecification(Map<String, Object> spec, Map<String, Object> sam) {
    this.resourceTypes = Values.map(spec.get("ResourceTypes"));
    this.propertyTypes = Values.map(spec.get("PropertyTypes"));
    Map<String, Object> overlay = Values.map(sam.get("overlay"));
    mergeInto(resourceTypes, Values.map(overlay.get("ResourceTypes")));
    mergeInto(propertyTypes, Values.map(overlay.get("PropertyTypes")));
    resourceTypes.putAll(Values.map(sam.get("ResourceTypes")));
    propertyTypes.putAll(Values.map(sam.get("PropertyTypes")));
    this.globals = Values.map(sam.get("Globals"));
    this.version = String.valueOf(spec.get("ResourceSpecificationVersion"));
    this.samVersion = String.valueOf(sam.get("SamVersion"));
  }

  /** The specification shipped in this module's resources, read once per JVM. */
  public static ResourceSpecification bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final ResourceSpecification INSTANCE = load();
  }

  private static ResourceSpecification load() {
    ObjectMapper json = new ObjectMapper();
    try (InputStream spec = open(SPEC);
        InputStream gunzipped = new GZIPInputStream(spec);
        InputStream sam = open(SAM)) {
      return new ResourceSpecification(
          Values.map(json.readValue(gunzipped, Map.class)),
          Values.map(json.readValue(sam, Map.class)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled CloudFormation specification", e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = ResourceSpecification.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(resource + " is missing from the classpath");
    }
    return in;
  }

  /** Deep-merges maps so an overlay can add single properties to an existing type. */
  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> target, Map<String, Object> additions) {
    additions.forEach(
        (key, value) -> {
          Object existing = target.get(key);
          if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) existing);
            mergeInto(merged, Values.map(value));
            target.put(key, merged);
          } else {
            target.put(key, value);
          }
        });
  }

  /** e.g. {@code 117.0.0}. */
  public String version() {
    return version;
  }

  /** The AWS SAM translator version the overlay follows. */
  public String samVersion() {
    return samVersion;
  }

  /**
   * The resource type's definition ({@code Properties}, {@code Attributes}), or null when unknown.
   */
  public Map<String, Object> resourceType(String type) {
    Object definition = resourceTypes.get(type);
    return definition == null ? null : Values.map(definition);
  }

  /** A property type by full name ({@code AWS::Lambda::Function.Environment}), or null. */
  public Map<String, Object> propertyType(String fullName) {
    Object definition = propertyTypes.get(fullName);
    return definition == null ? null : Values.map(definition);
  }

  /** The keys SAM allows in {@code Globals.<section>}; null for an unknown section. */
  public List<String> globalsKeys(String section) {
    Object keys = globals.get(section);
    return keys == null ? null : Values.list(keys).stream().map(String::valueOf).toList();
  }

  public List<String> globalsSections() {
    return List.copyOf(globals.keySet());
  }
}
