package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.ValueLayout;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PowerShell command that names a program by a path built on an environment variable without the
 * call operator: {@code $env:SystemRoot\System32\Sysprep\Sysprep.exe /generalize /oobe}. PowerShell
 * reads a statement that starts with a variable as an expression (about_Parsing), where {@code
 * \System32\…} after the variable is an unexpected token: the script that holds the line does not
 * parse, so none of its commands run: Packer's step fails, and so does the step or deprovisioning
 * script converted from it. {@code & "$env:SystemRoot\…\Sysprep.exe" …} runs it. Only such paths
 * are looked for: a statement starting with any other variable is an ordinary expression.
 */
final class UncalledPrograms {
  private UncalledPrograms() {}

  /**
   * {@code $env:NAME} or {@code ${env:NAME}} directly followed by a path separator and the rest of
   * the path (up to a blank or a character that ends a PowerShell word). A slash only before a
   * letter: {@code $env:N/2} divides.
   */
  private static final Pattern PATH_ON_VARIABLE =
      Pattern.compile(
          "(?i)^\\$(env:[A-Za-z_][A-Za-z0-9_]*|\\{env:[^}\\s]+\\})(\\\\|/(?=[A-Za-z]))"
              + "[^\\s'\"`;|&(){}]*");

  /**
   * Warns at each inline element of a powershell provisioner that holds such a statement (its first
   * one), as written in the template: the provisioner before any of its commands are cut apart or
   * dropped as Image Builder's own generalization.
   */
  static void check(Prov pr) {
    if (!pr.p.type().equals("powershell")) {
      return;
    }
    Optional<Setting> inline = pr.config.setting("inline");
    if (inline.isEmpty()) {
      return;
    }
    Value value = inline.get().value();
    if (!value.isWhollyKnown() || value.deepMarks().contains(Mark.SENSITIVE)) {
      return; // a secret is never quoted; the provisioner reports what it must when mapped
    }
    Value.Unmarked list = value.unmark();
    if (!(list.value().type() instanceof TupleType) && !(list.value().type() instanceof ListType)) {
      return;
    }
    List<Value> items = list.value().elements();
    for (int k = 0; k < items.size(); k++) {
      if (!(items.get(k).unmark().value() instanceof StringValue s)) {
        continue;
      }
      String statement = first(s.asString());
      if (statement != null) {
        report(pr, at(inline.get(), k), k, items.size(), statement);
      }
    }
  }

  /** The first top-level statement of {@code text} that starts with such a path; else null. */
  private static String first(String text) {
    if (text.indexOf('$') < 0) {
      return null; // most commands name no variable at all
    }
    String code = CommandStatements.withoutComments(text, true);
    List<CommandStatements.Statement> statements =
        code == null ? null : CommandStatements.of(code, true);
    if (statements == null) {
      return null; // not read by statement: no guess
    }
    for (int i = 0; i < statements.size(); i++) {
      String t = statements.get(i).text().strip();
      if (PATH_ON_VARIABLE.matcher(t).lookingAt()) {
        return t;
      }
    }
    return null;
  }

  /** Where element {@code k} is written, when the list is written out; else the whole value. */
  private static Range at(Setting inline, int k) {
    Optional<ValueLayout> element = inline.layout().element(k);
    return element.isPresent() ? element.get().range() : inline.valueRange();
  }

  private static void report(Prov pr, Range at, int k, int count, String statement) {
    Matcher m = PATH_ON_VARIABLE.matcher(statement);
    m.lookingAt();
    String path = m.group();
    String rest = statement.substring(m.end());
    String called = "& \"" + path + "\"" + rest;
    pr.report()
        .add(
            PackerMapCode.COMMAND_READ_AS_EXPRESSION,
            at,
            "Inline command "
                + (k + 1)
                + (count > 1 ? " of " + count : "")
                + " has the statement "
                + Excerpts.cut(statement, 120)
                + ", which starts with a variable, so PowerShell reads it as an expression, not"
                + " as a command: what follows the variable is an unexpected token there, the"
                + " script holding the line does not parse, and none of its commands run. Packer"
                + " fails the step, and so does Image Builder wherever the line is kept. Run the"
                + " program with the call operator: "
                + Excerpts.cut(called, 140)
                + ".");
  }
}
