package dev.kinora.bench;

/**
 * A command-line option a benchmark accepts: {@code --name value}, {@code --name=value}, or a bare
 * {@code --name} flag when {@code valueName} is null.
 */
public record BenchOption(String name, String valueName, String help) {

  public static BenchOption flag(String name, String help) {
    return new BenchOption(name, null, help);
  }

  public static BenchOption value(String name, String valueName, String help) {
    return new BenchOption(name, valueName, help);
  }

  public boolean takesValue() {
    return valueName != null;
  }

  /** How the option reads in help text, e.g. {@code --runs <n>}. */
  public String usage() {
    return takesValue() ? "--" + name + " <" + valueName + ">" : "--" + name;
  }
}
