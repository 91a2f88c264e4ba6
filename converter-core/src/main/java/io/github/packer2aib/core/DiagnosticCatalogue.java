package io.github.packer2aib.core;

import io.github.packer2aib.core.bind.aib.BindCode;
import io.github.packer2aib.core.bind.legacy.LegacyCode;
import io.github.packer2aib.core.bind.packer.PackerCode;
import io.github.packer2aib.core.bind.settings.SettingsCode;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.EditDistance;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.hcl.eval.EvalCode;
import io.github.packer2aib.core.hcl.function.FunctionCode;
import io.github.packer2aib.core.legacy.template.GoTemplateCode;
import io.github.packer2aib.core.mapping.MappingCode;
import io.github.packer2aib.core.mapping.packer.PackerMapCode;
import io.github.packer2aib.core.mapping.retarget.RetargetCode;
import io.github.packer2aib.core.parse.SyntaxCode;
import io.github.packer2aib.core.parse.hcl.HclSyntaxCode;
import io.github.packer2aib.core.validate.VersionCode;
import io.github.packer2aib.core.validate.rules.RuleCode;
import io.github.packer2aib.core.validate.spec.SpecCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every diagnostic code the library can report, by stage: what a caller checks a code against
 * before it accepts it from a user (as {@code --ignore} does), and what the tests check for
 * uniqueness. Each stage keeps its codes in its own enum; this is the one list of those enums.
 */
public final class DiagnosticCatalogue {
  private static final List<Class<? extends Enum<? extends DiagnosticCode>>> STAGES =
      List.of(
          SyntaxCode.class,
          HclSyntaxCode.class,
          BindCode.class,
          VersionCode.class,
          SpecCode.class,
          RuleCode.class,
          RetargetCode.class,
          MappingCode.class,
          PackerMapCode.class,
          FunctionCode.class,
          EvalCode.class,
          PackerCode.class,
          GoTemplateCode.class,
          LegacyCode.class,
          SettingsCode.class);

  private static final Map<String, DiagnosticCode> BY_ID = byId();

  private DiagnosticCatalogue() {}

  /** The enums that hold the codes, one per stage. */
  public static List<Class<? extends Enum<? extends DiagnosticCode>>> stages() {
    return STAGES;
  }

  /** Every code, stage by stage in declaration order. */
  public static List<DiagnosticCode> all() {
    return List.copyOf(BY_ID.values());
  }

  /** The code with this identifier ({@code PKRMAP-W301}), exactly as written. */
  public static Optional<DiagnosticCode> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * Why {@code id} cannot be accepted as a code to ignore (a lower-case clause without a period,
   * for a command-line message or a sentence), or empty when it can: only the library's warnings
   * and notes can be. The CLI's own codes ({@code CLI-…}) are about the files of a run, not about a
   * template, and errors mean there is no output to accept.
   */
  public static Optional<String> whyNotIgnorable(String id) {
    if (id.startsWith("CLI-")) {
      return Optional.of(
          id
              + " is about the run's files, not a template's content; only the codes of template"
              + " diagnostics can be ignored");
    }
    if (id.isBlank()) {
      return Optional.of(
          "an empty code names nothing; give warning or note codes such as PKRMAP-W301");
    }
    if (id.indexOf('*') >= 0 || id.indexOf('?') >= 0) {
      // codes takes prefixes (codes PKRMAP-W), which made users expect --ignore to take globs.
      return Optional.of(
          "'"
              + Excerpts.cut(id, 40)
              + "' is a pattern, and only whole codes can be ignored, so that a new warning is"
              + " never accepted unseen; list them ("
              + (firstWildcard(id) == 0
                  ? "packer2aib codes lists every code"
                  : "packer2aib codes "
                      + Excerpts.cut(id.substring(0, firstWildcard(id)), 40)
                      + " shows a family's codes")
              + ")");
    }
    DiagnosticCode code = BY_ID.get(id);
    Optional<String> successor = successor(id);
    if (code == null && successor.isPresent()) {
      return Optional.of(
          id
              + " is retired: the converter reports it as "
              + successor.get()
              + " now; ignore that one");
    }
    if (code == null) {
      return Optional.of(
          "unknown diagnostic code '"
              + Excerpts.cut(id, 40)
              + "'"
              + nearest(id)
                  .map(n -> "; did you mean " + n + "?")
                  .orElse(
                      "; give the code shown in brackets after a diagnostic, such as PKRMAP-W301"));
    }
    if (code.severity() == Severity.ERROR) {
      return Optional.of(
          id
              + " is an error, and errors cannot be ignored (an input with one is not converted);"
              + " only warnings (AREA-Wnnn) and notes (AREA-Nnnn) can be");
    }
    return Optional.empty();
  }

  private static int firstWildcard(String id) {
    int star = id.indexOf('*');
    int mark = id.indexOf('?');
    return star < 0 ? mark : mark < 0 ? star : Math.min(star, mark);
  }

  /**
   * Retired codes that another code took over, by the one that replaced them: a settings file or
   * script that ignores the old code is told which code to give instead (a retired number is never
   * given to anything else).
   */
  private static final Map<String, String> RETIRED = Map.of("PKRMAP-N406", "PKRMAP-W407");

  /** The code that took over the retired code {@code id}; empty when {@code id} is not retired. */
  public static Optional<String> successor(String id) {
    return Optional.ofNullable(RETIRED.get(id));
  }

  /**
   * The code to suggest for a mistyped one, for "did you mean" advice: only a code that {@code
   * --ignore} takes (a warning or note), since suggesting an error only earns a second refusal.
   * First the same area and number as a warning or note ({@code RULE-E317} → {@code RULE-W317}: the
   * commonest slip is the severity letter; some areas number each severity apart, so BIND-E001,
   * BIND-W001 and BIND-N001 all exist, and then the warning is offered, as a warning is what a user
   * who reaches for --ignore most often meant); else the nearest within two edits (ties go to the
   * first in sorted order).
   */
  static Optional<String> nearest(String id) {
    // Within two edits of a code is at most two characters longer than the longest: a longer text
    // names none (and the distance to 412 codes grew with it: a 280 KB "code" took 15 s).
    if (id.length() > MAX_CODE_LENGTH + 2) {
      return Optional.empty();
    }
    int dash = id.indexOf('-');
    if (dash > 0 && dash + 1 < id.length()) {
      String area = id.substring(0, dash + 1);
      String number = id.substring(dash + 2);
      for (String letter : List.of("W", "N")) {
        String candidate = area + letter + number;
        if (!candidate.equals(id) && IGNORABLE.contains(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    String best = null;
    int bestDistance = EditDistance.FAR;
    for (String candidate : IGNORABLE) {
      int d = EditDistance.between(id, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The codes {@code --ignore} takes (warnings and notes), sorted. */
  private static final TreeSet<String> IGNORABLE = ignorable();

  private static TreeSet<String> ignorable() {
    TreeSet<String> ids = new TreeSet<>();
    for (DiagnosticCode c : BY_ID.values()) {
      if (c.severity() != Severity.ERROR) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  private static final int MAX_CODE_LENGTH =
      BY_ID.keySet().stream().mapToInt(String::length).max().orElse(0);

  private static Map<String, DiagnosticCode> byId() {
    Map<String, DiagnosticCode> codes = new LinkedHashMap<>();
    for (Class<? extends Enum<? extends DiagnosticCode>> stage : STAGES) {
      for (Enum<? extends DiagnosticCode> e : stage.getEnumConstants()) {
        DiagnosticCode c = (DiagnosticCode) e;
        codes.putIfAbsent(c.id(), c); // a duplicate is a bug that DiagnosticCodesTest finds
      }
    }
    return Collections.unmodifiableMap(codes);
  }
}
