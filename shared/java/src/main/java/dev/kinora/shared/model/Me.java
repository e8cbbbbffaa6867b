package dev.kinora.shared.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The signed-in account (schema {@code Me}); {@code roles} is null when it has none. */
public record Me(String userId, String email, Channel channel, List<String> roles) {

  public Me(String userId, String email, Channel channel) {
    this(userId, email, channel, null);
  }

  public Me {
    roles = roles == null || roles.isEmpty() ? null : List.copyOf(roles);
  }

  /** With the account's roles, sorted (an empty set leaves them out). */
  public static Me withRoles(String userId, String email, Channel channel, Set<String> roles) {
    return new Me(userId, email, channel, List.copyOf(new TreeSet<>(roles)));
  }
}
