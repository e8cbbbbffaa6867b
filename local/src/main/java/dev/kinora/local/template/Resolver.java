package dev.kinora.local.template;

/**
 * What {@link Intrinsics} asks the running stack: the value of a {@code Ref}, of a {@code
 * Fn::GetAtt}, of a condition. The local cloud implements it over the resources it created; {@link
 * DefaultResolver} answers pseudo parameters and fixed values and is meant to be extended.
 */
public interface Resolver {
  /**
   * The value of {@code {"Ref": name}}: a parameter, a pseudo parameter or a resource's physical
   * id.
   */
  Object ref(String name);

  /** The value of {@code {"Fn::GetAtt": [resource, attribute]}}. */
  Object getAtt(String resource, String attribute);

  /** The truth of the named entry of {@code Conditions}. */
  boolean condition(String name);
}
