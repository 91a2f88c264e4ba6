package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The customizers' ranges, entered on the first lookup, locate as if they had been put. */
class TraceTest {
  private static Range at(int offset) {
    return new Range("t.pkr.hcl", new Position(1, offset + 1, offset), new Position(1, 99, 98));
  }

  private static final Customizer SHELL = new Customizer.Shell("s", null, null, List.of("true"));

  @Test
  void aStepsMembersLocateTheirPointersAndTheLastRangeGivenWins() {
    Trace trace = new Trace(at(0));
    trace.put("/properties/vmProfile", at(1));
    Step first = Step.of(SHELL, at(10)).with("/inline", at(11));
    Step second =
        Step.of(SHELL, at(20)).with("/inline", at(21)).with("/name", null).with("/inline", at(22));
    trace.putSteps(List.of(first, second));

    assertEquals(Optional.of(at(11)), trace.locate("/properties/customize/0/inline/0"));
    assertEquals(Optional.of(at(10)), trace.locate("/properties/customize/0/name"));
    assertEquals(Optional.of(at(22)), trace.locate("/properties/customize/1/inline"));
    assertEquals(Optional.of(at(20)), trace.locate("/properties/customize/1"));
    assertEquals(Optional.of(at(1)), trace.locate("/properties/vmProfile/vmSize"));
    assertEquals(Optional.of(at(0)), trace.locate("/properties/customize/2"));
  }

  @Test
  void aPointerPutBeforeTheStepsKeepsItsRange() {
    Trace trace = new Trace(null);
    trace.put("/properties/customize/0", at(5));
    trace.putSteps(List.of(Step.of(SHELL, at(10)).with("/inline", at(11))));

    assertEquals(Optional.of(at(5)), trace.locate("/properties/customize/0"));
    assertEquals(Optional.of(at(11)), trace.locate("/properties/customize/0/inline"));
    assertEquals(Optional.empty(), trace.locate("/tags"));
  }
}
