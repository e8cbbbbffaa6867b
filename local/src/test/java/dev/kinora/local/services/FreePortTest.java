package dev.kinora.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortTest {
  @Test
  void aPortIsHandedOutOnlyOncePerProcess() {
    Set<Integer> picked = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(picked.add(FreePort.pick(0))).isTrue();
    }
  }

  @Test
  void aRequestedPortIsKept() {
    assertThat(FreePort.pick(8123)).isEqualTo(8123);
  }
}
