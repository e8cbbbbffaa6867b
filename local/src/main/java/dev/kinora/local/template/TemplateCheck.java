package dev.kinora.local.template;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java dev.kinora.local.template.TemplateCheck [template.yaml]}: prints every finding of
 * {@link TemplateValidator} and exits 1 when there is an error (2 when the template cannot be
 * read).
 */
public final class TemplateCheck {
  private TemplateCheck() {}

  public static void main(String[] args) {
    Path path = Path.of(args.length > 0 ? args[0] : "template.yaml");
    System.exit(run(path, System.out));
  }

  /** Validates and prints; returns the process exit code. */
  public static int run(Path path, PrintStream out) {
    Template template;
    try {
      template = Template.load(path);
    } catch (TemplateException e) {
      out.println("ERROR " + e.getMessage());
      return 2;
    }
    ResourceSpecification spec = ResourceSpecification.bundled();
    List<Finding> findings = new TemplateValidator(spec).validate(template);
    findings.forEach(out::println);
    long errors = findings.stream().filter(Finding::isError).count();
    out.printf(
        "%s: %d error(s), %d warning(s) (CloudFormation spec %s, SAM %s)%n",
        path, errors, findings.size() - errors, spec.version(), spec.samVersion());
    return errors > 0 ? 1 : 0;
  }
}
