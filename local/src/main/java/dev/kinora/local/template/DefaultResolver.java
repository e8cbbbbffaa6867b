package dev.kinora.local.template;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Resolver} over fixed values: pseudo parameters, parameter values (or their {@code
 * Default}s), and whatever the caller registers for resources and attributes. Conditions are
 * evaluated from the template's {@code Conditions} on first use. The local cloud extends it
 * (overriding {@link #resourceRef} and {@link #resourceAttribute}) or registers values as it
 * creates resources.
 */
public class DefaultResolver implements Resolver {
  private final PseudoParameters pseudo;
  private final Map<String, Object> refs = new LinkedHashMap<>();
  private final Map<String, Object> attributes = new HashMap<>();
  private final Map<String, Object> conditionExpressions;
  private final Map<String, Boolean> conditions = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Intrinsics intrinsics;

  public DefaultResolver(PseudoParameters pseudo) {
    this(pseudo, Map.of(), Map.of());
  }

  /**
   * @param mappings the template's {@code Mappings} (for {@code Fn::FindInMap} inside conditions)
   * @param conditions the template's {@code Conditions}
   */
  public DefaultResolver(
      PseudoParameters pseudo, Map<String, Object> mappings, Map<String, Object> conditions) {
    this.pseudo = pseudo;
    this.conditionExpressions = Map.copyOf(conditions);
    this.intrinsics = new Intrinsics(mappings);
  }

  /**
   * A resolver for {@code template}: parameters take {@code parameterValues} or else their {@code
   * Default} (a {@code CommaDelimitedList} becomes a list).
   */
  public static DefaultResolver forTemplate(
      Template template, Map<String, String> parameterValues, PseudoParameters pseudo) {
    DefaultResolver resolver =
        new DefaultResolver(pseudo, template.mappings(), template.conditions());
    template
        .parameters()
        .forEach(
            (name, declaration) -> {
              Map<String, Object> parameter = Values.map(declaration);
              Object value =
                  parameterValues.containsKey(name)
                      ? parameterValues.get(name)
                      : parameter.get("Default");
              if (value == null) {
                return;
              }
              String type = String.valueOf(parameter.getOrDefault("Type", "String"));
              if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                resolver.define(
                    name,
                    Arrays.stream(String.valueOf(value).split(",")).map(String::trim).toList());
              } else {
                resolver.define(name, value instanceof Number ? value.toString() : value);
              }
            });
    return resolver;
  }

  /** Sets what {@code Ref name} returns. */
  public DefaultResolver define(String name, Object value) {
    refs.put(name, value);
    return this;
  }

  /** Sets what {@code Fn::GetAtt [resource, attribute]} returns. */
  public DefaultResolver defineAttribute(String resource, String attribute, Object value) {
    attributes.put(resource + "." + attribute, value);
    return this;
  }

  public PseudoParameters pseudoParameters() {
    return pseudo;
  }

  @Override
  public Object ref(String name) {
    var pseudoValue = pseudo.value(name);
    if (pseudoValue.isPresent()) {
      return pseudoValue.get();
    }
    if (refs.containsKey(name)) {
      return refs.get(name);
    }
    return resourceRef(name);
  }

  @Override
  public Object getAtt(String resource, String attribute) {
    String key = resource + "." + attribute;
    if (attributes.containsKey(key)) {
      return attributes.get(key);
    }
    return resourceAttribute(resource, attribute);
  }

  @Override
  public boolean condition(String name) {
    Boolean known = conditions.get(name);
    if (known != null) {
      return known;
    }
    if (!conditionExpressions.containsKey(name)) {
      throw new IntrinsicException("unknown condition " + name);
    }
    if (!evaluating.add(name)) {
      throw new IntrinsicException("condition " + name + " depends on itself");
    }
    try {
      boolean value = intrinsics.condition(conditionExpressions.get(name), this);
      conditions.put(name, value);
      return value;
    } finally {
      evaluating.remove(name);
    }
  }

  /**
   * {@code Ref} of a name that is neither a pseudo parameter nor defined; fails unless overridden.
   */
  protected Object resourceRef(String name) {
    throw new IntrinsicException("nothing to resolve Ref " + name + " to");
  }

  /** {@code Fn::GetAtt} not defined; fails unless overridden. */
  protected Object resourceAttribute(String resource, String attribute) {
    throw new IntrinsicException(
        "nothing to resolve Fn::GetAtt " + resource + "." + attribute + " to");
  }
}
