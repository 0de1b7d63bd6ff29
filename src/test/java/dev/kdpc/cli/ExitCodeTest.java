package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When several exit codes apply to one run, the agreed order decides: 4, 3, 5, 2, 1, 0. */
class ExitCodeTest {
  @Test
  void theHigherRankedCodeWinsWhicheverComesFirst() {
    int[] order = {4, 3, 5, 2, 1, 0};
    for (int i = 0; i < order.length; i++) {
      for (int j = i; j < order.length; j++) {
        assertThat(ExitCode.worst(order[i], order[j])).as(order[i] + " vs " + order[j]).isEqualTo(order[i]);
        assertThat(ExitCode.worst(order[j], order[i])).as(order[j] + " vs " + order[i]).isEqualTo(order[i]);
      }
    }
  }
}
