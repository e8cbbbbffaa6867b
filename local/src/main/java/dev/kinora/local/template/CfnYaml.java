package dev.kinora.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads CloudFormation YAML: every short-form tag ({@code !Ref}, {@code !GetAtt}, {@code !Sub} …)
 * becomes the JSON long form ({@code {"Ref": …}}, {@code {"Fn::GetAtt": [..]}} …), so the rest of
 * the code sees one shape.
 */
final class CfnYaml {
  private static final List<String> FUNCTIONS =
      List.of(
          "Base64",
          "Cidr",
          "FindInMap",
          "GetAZs",
          "ImportValue",
          "Join",
          "Select",
          "Split",
          "Sub",
          "Transform",
          "If",
          "Equals",
          "Not",
          "And",
          "Or",
          "ToJsonString",
          "Length");

  private CfnYaml() {}

  static Object parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(50);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new Constructor(options), new Representer(dumper), dumper, options);
    return yaml.load(text);
  }

  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
      // CloudFormation keeps dates such as 2010-09-09 as strings
      yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
      yamlConstructors.put(new Tag("!Ref"), new Short("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new Short("Condition"));
      yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
      for (String function : FUNCTIONS) {
        yamlConstructors.put(new Tag("!" + function), new Short("Fn::" + function));
      }
    }

    Object value(Node node) {
      if (node instanceof ScalarNode scalar) {
        return constructScalar(scalar);
      }
      if (node instanceof SequenceNode sequence) {
        return new ArrayList<>(constructSequence(sequence));
      }
      return constructMapping((MappingNode) node);
    }

    private final class Short extends AbstractConstruct {
      private final String key;

      Short(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put(key, value(node));
        return function;
      }
    }

    private final class GetAtt extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        Object value = value(node);
        if (value instanceof String dotted) {
          int dot = dotted.indexOf('.');
          value =
              dot < 0
                  ? new ArrayList<>(List.of(dotted))
                  : new ArrayList<>(List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
        }
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("Fn::GetAtt", value);
        return function;
      }
    }
  }
}
