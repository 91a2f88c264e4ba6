package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.packer.ValueLayout;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * Fields of Packer's template context ({@code {{ .Foo }}}, {@code {{.WinRMPassword}}}) left in
 * inline commands, environment variable values or a file provisioner's {@code content}. Packer
 * fills them in while it builds: {@code .WinRMPassword} and {@code .WinRMUser} from the WinRM
 * communicator, and any other field renders as {@code <no value>} (checked with Packer 1.6.6's
 * shell-local). Neither exists when Image Builder runs the step, which gets the braces as written,
 * so the command does something else than under Packer. The WinRM password and user are refused
 * ({@code PKRMAP-E107}, as {@code build.Password} is in HCL2: the step cannot work without them);
 * any other field gets a warning, naming the field but not the command (it may hold a secret).
 *
 * <p>Only an action the template evaluation kept for Packer counts (its value carries {@link
 * Mark#TEMPLATE_FIELD}): braces a template prints as text, as {@code {{"{{"}} .ID {{"}}"}}} does
 * for {@code docker ps --format}, reach the command as they reach Packer's, and the warning said
 * the opposite.
 */
final class TemplateFields {
  private TemplateFields() {}

  /**
   * Warns about the first command of {@code commands}, the strings of {@code inline}, that holds
   * such a field, and refuses every command that holds one Packer fills in, each at that command
   * where the list is written out element by element (else at the whole value).
   */
  static void check(Prov pr, List<String> commands, Field inline) {
    boolean warned = false;
    for (int i = 0; i < commands.size(); i++) { // by index: every inline step comes here
      String any = field(commands.get(i), false); // most commands hold no field at all
      if (any == null) {
        continue;
      }
      String filled = filledIn(fieldName(any)) ? any : field(commands.get(i), true);
      String field = filled != null || warned ? filled : any;
      if (field != null) {
        if (!kept(inline.value())) {
          return;
        }
        report(
            pr,
            element(inline, i, commands.size()),
            "Inline command " + (i + 1) + (commands.size() > 1 ? " of " + commands.size() : ""),
            field,
            "runs the command");
        warned |= filled == null;
      }
    }
  }

  /**
   * Warns at {@code at}, the entry of the setting {@code setting} ({@code environment_vars} or
   * {@code env}), when {@code value}, the value of the environment variable {@code name}, holds
   * such a field (the step exports it as written); true when the field is one Packer fills in, so
   * the entry is refused and must not be set.
   */
  static boolean checkVariable(Prov pr, String setting, String name, String value, Range at) {
    String field = anyField(value);
    if (field != null && kept(pr.f.take(setting).get().value())) {
      return report(
          pr, at, "The value of the environment variable " + name, field, "exports the value");
    }
    return false;
  }

  /**
   * Warns at {@code at} (the value of a file provisioner's {@code content}) when the content holds
   * such a field: Packer renders {@code content} as a template before uploading it, while the step
   * that writes it on the VM writes the braces as they are.
   */
  static void checkContent(Prov pr, String content, Value value, Range at) {
    String field = anyField(content);
    if (field != null && kept(value)) {
      report(pr, at, "The content", field, "writes the file");
    }
  }

  /**
   * Where element {@code i} of {@code f}'s list value is written, when the value has {@code count}
   * elements (none dropped on the way, such as a null) and is written out element by element; else
   * the whole value.
   */
  static Range element(Field f, int i, int count) {
    Value v = Values.unmarked(f.value());
    int size =
        v instanceof TupleValue t
            ? t.elements().size()
            : v instanceof ListValue l ? l.elements().size() : -1;
    if (size != count) {
      return f.valueRange();
    }
    Optional<ValueLayout> at = f.layout().element(i);
    return at.isPresent() ? at.get().range() : f.valueRange();
  }

  /** Whether {@code value} holds an action kept for Packer to fill in (asked only of a match). */
  private static boolean kept(Value value) {
    return value.deepMarks().contains(Mark.TEMPLATE_FIELD);
  }

  /** Reports the field; true when it is refused (a field Packer fills in), else a warning. */
  private static boolean report(Prov pr, Range at, String subject, String field, String what) {
    String name = fieldName(field);
    if (filledIn(name)) {
      // The two fields Packer does fill in: the step would get the braces where Packer gave a
      // credential, so it cannot work as converted, as an HCL2 template's build.Password is
      // refused (the legacy field left a step with exit 0 where its HCL2 twin failed).
      pr.report()
          .add(
              PackerMapCode.VALUE_NOT_KNOWN,
              at,
              subject
                  + " holds "
                  + field
                  + ", a field Packer fills in while it builds. "
                  + UnknownValues.buildAdvice(field, name));
      return true;
    }
    pr.report()
        .add(
            PackerMapCode.TEMPLATE_FIELD_KEPT,
            at,
            subject
                + " holds "
                + field
                + ", a field of Packer's template context, which Packer renders as \"<no"
                + " value>\" while it builds (it fills in only the WinRM password and user). Image"
                + " Builder "
                + what
                + " with the braces as written: replace the field with a value, or a variable of"
                + " the template.");
    return false;
  }

  /** The name {@code field}, an action as {@link #field} finds it, reads ({@code Name}). */
  private static String fieldName(String field) {
    int dot = field.indexOf('.');
    int end = dot + 1;
    while (end < field.length() && Character.isLetterOrDigit(field.charAt(end))) {
      end++;
    }
    return field.substring(dot + 1, end);
  }

  private static boolean filledIn(String name) {
    return name.equals("WinRMPassword") || name.equals("WinRMUser");
  }

  /** The first action of {@code text} that reads a field Packer fills in, else any, or null. */
  private static String anyField(String text) {
    String any = field(text, false);
    if (any == null || filledIn(fieldName(any))) {
      return any;
    }
    String filled = field(text, true);
    return filled != null ? filled : any;
  }

  /**
   * The first action of {@code text} that reads a field ({@code {{ .Name }}}), with {@code
   * filledOnly} one that reads a field Packer fills in; or null.
   */
  static String field(String text, boolean filledOnly) {
    int n = text.length();
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      if (open + 1 >= n || text.charAt(open + 1) != '{') {
        continue;
      }
      int k = open + 2;
      if (k < n && text.charAt(k) == '-') {
        k++;
      }
      while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
        k++;
      }
      if (k + 1 < n && text.charAt(k) == '.' && Character.isLetter(text.charAt(k + 1))) {
        int close = text.indexOf("}}", k);
        if (close > 0 && close - open <= 80) {
          String field = text.substring(open, close + 2);
          if (!filledOnly || filledIn(fieldName(field))) {
            return field;
          }
        }
      }
    }
    return null;
  }
}
