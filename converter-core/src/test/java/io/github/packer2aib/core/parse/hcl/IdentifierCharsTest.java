package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.grammar.hcl.HclLexer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.junit.jupiter.api.Test;

/**
 * {@link IdentifierChars} holds exactly the sets of the generated lexer's identifier fragments.
 * When an ANTLR upgrade changes its Unicode data, the failure message holds the new tables to
 * paste.
 */
class IdentifierCharsTest {

  @Test
  void startTableIsTheAntlrFragmentIdentifierStart() {
    IntervalSet antlr = fragmentSet("IdentifierStart");
    assertEquals(ranges(antlr), List.of(box(IdentifierChars.startRanges())), table(antlr));
    assertSameMembers(antlr, IdentifierChars::isStart);
  }

  @Test
  void continueTableIsTheAntlrFragmentIdentifierContinue() {
    IntervalSet antlr = fragmentSet("IdentifierContinue");
    assertEquals(ranges(antlr), List.of(box(IdentifierChars.continueRanges())), table(antlr));
    assertSameMembers(antlr, IdentifierChars::isContinue);
  }

  /** Why the tables exist: Java's own identifier sets differ from ANTLR's. */
  @Test
  void javaIdentifierSetsAreNotTheSame() {
    // U+2E2F VERTICAL TILDE is a letter (Lm) but Pattern_Syntax, so not ID_Start.
    assertTrue(Character.isUnicodeIdentifierStart(0x2E2F));
    assertFalse(IdentifierChars.isStart(0x2E2F));
    // U+FEFF, a format character, is an identifier part for Java only.
    assertTrue(Character.isUnicodeIdentifierPart(0xFEFF));
    assertFalse(IdentifierChars.isContinue(0xFEFF));
    assertTrue(IdentifierChars.isContinue('-'));
    assertFalse(IdentifierChars.isStart('-'));
    assertTrue(IdentifierChars.isStart('_'));
    assertTrue(IdentifierChars.isContinue(0x0301)); // combining acute accent
    assertFalse(IdentifierChars.isStart(0x0301));
    assertTrue(IdentifierChars.isContinue(0x0661)); // Arabic-Indic digit one
    assertFalse(IdentifierChars.isStart(0x0661));
    assertTrue(IdentifierChars.isStart(0x10400)); // Deseret capital long I
  }

  private static void assertSameMembers(IntervalSet antlr, IntPredicate table) {
    BitSet members = new BitSet(Character.MAX_CODE_POINT + 1);
    for (Interval i : antlr.getIntervals()) {
      members.set(i.a, i.b + 1);
    }
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (members.get(cp) != table.test(cp)) {
        assertEquals(members.get(cp), table.test(cp), String.format("U+%04X", cp));
      }
    }
  }

  /** The characters one character of the fragment rule matches, read from the lexer's ATN. */
  static IntervalSet fragmentSet(String rule) {
    int index = Arrays.asList(HclLexer.ruleNames).indexOf(rule);
    assertTrue(index >= 0, rule);
    IntervalSet set = new IntervalSet();
    Deque<ATNState> todo = new ArrayDeque<>(List.of(HclLexer._ATN.ruleToStartState[index]));
    Set<ATNState> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      ATNState state = todo.pop();
      if (!seen.add(state) || state instanceof RuleStopState) {
        continue;
      }
      for (Transition t : state.getTransitions()) {
        if (t.isEpsilon()) {
          todo.push(t.target);
        } else {
          set.addAll(t.label());
        }
      }
    }
    return set;
  }

  private static List<Integer> ranges(IntervalSet set) {
    Integer[] result = new Integer[set.getIntervals().size() * 2];
    int k = 0;
    for (Interval i : set.getIntervals()) {
      result[k++] = i.a;
      result[k++] = i.b;
    }
    return List.of(result);
  }

  private static Integer[] box(int[] values) {
    return Arrays.stream(values).boxed().toArray(Integer[]::new);
  }

  /** The table as Java source, for pasting into {@link IdentifierChars}. */
  private static String table(IntervalSet set) {
    StringBuilder b = new StringBuilder("the table should be:\n");
    for (Interval i : set.getIntervals()) {
      b.append(String.format("0x%X, 0x%X, ", i.a, i.b));
    }
    return b.toString();
  }
}
