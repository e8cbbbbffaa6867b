package dev.kinora.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void errorCodesAndStatusesAreExactlyThoseOfTheContract() {
    var javaSide = new LinkedHashMap<String, Integer>();
    Arrays.stream(ErrorCode.values()).forEach(code -> javaSide.put(code.name(), code.httpStatus()));

    assertThat(javaSide).containsExactlyEntriesOf(Contract.load().errorStatuses());
  }
}
