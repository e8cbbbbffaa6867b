package dev.kinora.local.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code ./kinora trigger <LogicalId>} can fire, by function logical id. The schedule source
 * registers one trigger per scheduled function; the front door's admin endpoint {@code POST
 * /_kinora/trigger/<id>} fires it.
 */
public final class Triggers {
  /** Fires once; returns a short JSON description of what happened (e.g. the invocation result). */
  @FunctionalInterface
  public interface Trigger {
    String fire() throws Exception;
  }

  private final Map<String, Trigger> triggers = new ConcurrentHashMap<>();

  public void register(String logicalId, Trigger trigger) {
    triggers.put(logicalId, trigger);
  }

  public Optional<Trigger> find(String logicalId) {
    return Optional.ofNullable(triggers.get(logicalId));
  }

  public Set<String> ids() {
    return Set.copyOf(triggers.keySet());
  }
}
