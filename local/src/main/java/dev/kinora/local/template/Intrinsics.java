package dev.kinora.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions in a value tree: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If}, {@code
 * Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::FindInMap}, {@code
 * Fn::Base64}, {@code Fn::GetAZs}. References go to a {@link Resolver}. {@code Ref AWS::NoValue}
 * removes the map key or list item holding it. {@code Fn::ImportValue}, {@code Fn::Cidr} and {@code
 * Fn::Transform} have no local meaning and fail.
 */
public final class Intrinsics {
  /** What {@code Ref AWS::NoValue} evaluates to before its key or list item is dropped. */
  public static final Object NO_VALUE =
      new Object() {
        @Override
        public String toString() {
          return "AWS::NoValue";
        }
      };

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Map<String, Object> mappings;

  /** An evaluator without {@code Mappings}: {@code Fn::FindInMap} fails. */
  public Intrinsics() {
    this(Map.of());
  }

  public Intrinsics(Map<String, Object> mappings) {
    this.mappings = Map.copyOf(mappings);
  }

  public static Intrinsics forTemplate(Template template) {
    return new Intrinsics(template.mappings());
  }

  /**
   * The value with every intrinsic function replaced by its result. A new tree is returned; the
   * input is not changed. Returns null when the whole value is {@code AWS::NoValue}.
   */
  public Object resolve(Object value, Resolver resolver) {
    Object resolved = eval(value, resolver);
    return resolved == NO_VALUE ? null : resolved;
  }

  /**
   * Evaluates a condition expression ({@code Fn::Equals}, {@code Fn::And} …, {@code Condition}) to
   * a boolean.
   */
  public boolean condition(Object expression, Resolver resolver) {
    if (expression instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Condition")) {
      return resolver.condition(string(map.get("Condition"), "Condition"));
    }
    Object value = eval(expression, resolver);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new IntrinsicException("a condition must evaluate to true or false, not " + value);
  }

  private Object eval(Object value, Resolver resolver) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        String key = String.valueOf(map.keySet().iterator().next());
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return function(key, map.values().iterator().next(), resolver);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            Object resolved = eval(v, resolver);
            if (resolved != NO_VALUE) {
              out.put(String.valueOf(k), resolved);
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        Object resolved = eval(item, resolver);
        if (resolved != NO_VALUE) {
          out.add(resolved);
        }
      }
      return out;
    }
    return value;
  }

  private Object function(String name, Object argument, Resolver resolver) {
    return switch (name) {
      case "Ref" -> ref(string(argument, name), resolver);
      case "Fn::GetAtt" -> getAtt(argument, resolver);
      case "Fn::Sub" -> sub(argument, resolver);
      case "Fn::Join" -> join(argument, resolver);
      case "Fn::Select" -> select(argument, resolver);
      case "Fn::Split" -> split(argument, resolver);
      case "Fn::If" -> ifThen(argument, resolver);
      case "Fn::Equals" -> {
        List<Object> args = args(argument, name, 2, resolver);
        yield Objects.equals(text(args.get(0)), text(args.get(1)));
      }
      case "Fn::Not" -> !conditionArgs(argument, name, resolver).get(0);
      case "Fn::And" -> conditionArgs(argument, name, resolver).stream().allMatch(b -> b);
      case "Fn::Or" -> conditionArgs(argument, name, resolver).stream().anyMatch(b -> b);
      case "Fn::FindInMap" -> findInMap(argument, resolver);
      case "Fn::Base64" ->
          Base64.getEncoder()
              .encodeToString(
                  string(eval(argument, resolver), name).getBytes(StandardCharsets.UTF_8));
      case "Fn::GetAZs" -> {
        Object region = eval(argument, resolver);
        String r =
            region == null || "".equals(region)
                ? string(resolver.ref("AWS::Region"), "AWS::Region")
                : string(region, name);
        yield List.of(r + "a", r + "b", r + "c");
      }
      case "Fn::ImportValue", "Fn::Cidr", "Fn::Transform", "Fn::ToJsonString", "Fn::Length" ->
          throw new IntrinsicException(name + " is not supported by the local cloud");
      default -> throw new IntrinsicException("unknown intrinsic function " + name);
    };
  }

  private Object ref(String name, Resolver resolver) {
    if (name.equals("AWS::NoValue")) {
      return NO_VALUE;
    }
    return resolver.ref(name);
  }

  private Object getAtt(Object argument, Resolver resolver) {
    List<Object> args;
    if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
      int dot = dotted.indexOf('.');
      args = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    } else {
      args = args(argument, "Fn::GetAtt", 2, resolver);
    }
    return resolver.getAtt(string(args.get(0), "Fn::GetAtt"), string(args.get(1), "Fn::GetAtt"));
  }

  private Object sub(Object argument, Resolver resolver) {
    String template;
    Map<String, Object> variables = new LinkedHashMap<>();
    if (argument instanceof String s) {
      template = s;
    } else if (argument instanceof List<?> list && list.size() == 2) {
      template = string(list.get(0), "Fn::Sub");
      Values.map(list.get(1)).forEach((k, v) -> variables.put(k, eval(v, resolver)));
    } else {
      throw new IntrinsicException("Fn::Sub takes a string or [string, {variables}]");
    }
    Matcher matcher = SUB_VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String replacement;
      if (variable.startsWith("!")) {
        replacement = "${" + variable.substring(1) + "}";
      } else if (variables.containsKey(variable)) {
        replacement = text(variables.get(variable));
      } else if (variable.indexOf('.') > 0 && !variable.startsWith("AWS::")) {
        int dot = variable.indexOf('.');
        replacement =
            text(resolver.getAtt(variable.substring(0, dot), variable.substring(dot + 1)));
      } else {
        replacement = text(ref(variable.trim(), resolver));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private Object join(Object argument, Resolver resolver) {
    List<Object> args = args(argument, "Fn::Join", 2, resolver);
    String delimiter = string(args.get(0), "Fn::Join");
    List<String> parts = new ArrayList<>();
    for (Object item : list(args.get(1), "Fn::Join")) {
      parts.add(text(item));
    }
    return String.join(delimiter, parts);
  }

  private Object select(Object argument, Resolver resolver) {
    List<Object> args = args(argument, "Fn::Select", 2, resolver);
    int index;
    try {
      index = Integer.parseInt(text(args.get(0)).trim());
    } catch (NumberFormatException e) {
      throw new IntrinsicException("Fn::Select index must be a number, not " + args.get(0));
    }
    List<Object> items = list(args.get(1), "Fn::Select");
    if (index < 0 || index >= items.size()) {
      throw new IntrinsicException(
          "Fn::Select index " + index + " is outside a list of " + items.size());
    }
    return items.get(index);
  }

  private Object split(Object argument, Resolver resolver) {
    List<Object> args = args(argument, "Fn::Split", 2, resolver);
    String delimiter = string(args.get(0), "Fn::Split");
    String source = string(args.get(1), "Fn::Split");
    if (delimiter.isEmpty()) {
      throw new IntrinsicException("Fn::Split needs a non-empty delimiter");
    }
    return List.of(source.split(Pattern.quote(delimiter), -1));
  }

  private Object ifThen(Object argument, Resolver resolver) {
    if (!(argument instanceof List<?> list) || list.size() != 3) {
      throw new IntrinsicException("Fn::If takes [condition name, value if true, value if false]");
    }
    boolean chosen = resolver.condition(string(list.get(0), "Fn::If"));
    return eval(chosen ? list.get(1) : list.get(2), resolver);
  }

  private Object findInMap(Object argument, Resolver resolver) {
    List<Object> args = args(argument, "Fn::FindInMap", 3, resolver);
    String map = string(args.get(0), "Fn::FindInMap");
    String top = text(args.get(1));
    String second = text(args.get(2));
    Map<String, Object> mapping = Values.map(mappings.get(map));
    Map<String, Object> entry = Values.map(mapping.get(top));
    if (!entry.containsKey(second)) {
      throw new IntrinsicException(
          "Fn::FindInMap finds nothing at " + map + "." + top + "." + second);
    }
    return Values.copy(entry.get(second));
  }

  private List<Boolean> conditionArgs(Object argument, String name, Resolver resolver) {
    if (!(argument instanceof List<?> list) || list.isEmpty()) {
      throw new IntrinsicException(name + " takes a list of conditions");
    }
    List<Boolean> out = new ArrayList<>();
    for (Object item : list) {
      out.add(condition(item, resolver));
    }
    return out;
  }

  /** The resolved elements of a function's argument list, which must have {@code size} items. */
  private List<Object> args(Object argument, String name, int size, Resolver resolver) {
    if (!(argument instanceof List<?> list) || list.size() != size) {
      throw new IntrinsicException(name + " takes a list of " + size + " arguments");
    }
    List<Object> out = new ArrayList<>();
    for (Object item : list) {
      out.add(eval(item, resolver));
    }
    return out;
  }

  private static List<Object> list(Object value, String name) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    throw new IntrinsicException(name + " needs a list, not " + value);
  }

  private static String string(Object value, String name) {
    if (value instanceof String s) {
      return s;
    }
    throw new IntrinsicException(name + " needs a string, not " + value);
  }

  /** How CloudFormation turns a scalar into text inside Sub/Join/Equals. */
  private static String text(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(item -> parts.add(text(item)));
      return String.join(",", parts);
    }
    throw new IntrinsicException("cannot use " + value + " as a string");
  }
}
