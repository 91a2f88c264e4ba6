package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.BoolValue;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.NumberValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts a template's sensitive variables and locals hold: what the last guard of messages
 * ({@code diag.SecretMessages}) masks, for the loaders (whose messages {@code inspect} prints and a
 * failed load reports before any mapping) as for the mapper's output scan.
 */
public final class SensitiveTexts {
  /**
   * Shorter secrets ("1", "true") occur in any text by chance: masking them would garble harmless
   * messages and refuse harmless output, while the sensitive mark already catches every real flow.
   */
  public static final int MIN_LENGTH = 8;

  private SensitiveTexts() {}

  /**
   * The texts of {@link #MIN_LENGTH} characters or more of every variable and local that is
   * sensitive or holds a sensitive part (its other texts too: which part is the secret is not known
   * here).
   */
  public static List<String> of(PackerTemplate template) {
    List<String> out = new ArrayList<>();
    // By index: every template with a diagnostic comes here, and C1 code allocates iterators.
    List<Variable> variables = template.variables();
    for (int i = 0, n = variables.size(); i < n; i++) {
      Variable v = variables.get(i);
      if (v.sensitive() || containsSensitive(v.value())) {
        addLong(texts(v.value()), out);
      }
    }
    List<Local> locals = template.locals();
    for (int i = 0, n = locals.size(); i < n; i++) {
      Local l = locals.get(i);
      if (l.sensitive() || containsSensitive(l.value())) {
        addLong(texts(l.value()), out);
      }
    }
    return out;
  }

  private static void addLong(List<String> texts, List<String> into) {
    for (String t : texts) {
      if (t.length() >= MIN_LENGTH) {
        into.add(t);
      }
    }
  }

  /**
   * {@link Value#containsSensitive}, false at once for an unmarked string, number, bool or null
   * (nothing inside to mark): most variables and locals hold one, and a type test spares the
   * interface call per variable of every template in C1 code.
   */
  public static boolean containsSensitive(Value v) {
    if (v instanceof StringValue
        || v instanceof NumberValue
        || v instanceof BoolValue
        || v instanceof NullValue) {
      return false;
    }
    return v.containsSensitive();
  }

  /**
   * Every string, number and bool inside a value, as text, marks removed. Each value's own marks
   * are set aside as it is met, so the value is not copied without them first, and by a loop over a
   * stack: a value may be as deep as a chain of 12,000 locals.
   */
  public static List<String> texts(Value value) {
    List<String> out = new ArrayList<>();
    ArrayDeque<Value> pending = new ArrayDeque<>();
    pending.push(value);
    while (!pending.isEmpty()) {
      Value v = Values.unmarked(pending.pop());
      if (v instanceof StringValue s) {
        out.add(s.asString()); // what the conversion below gives, without its allocations
        continue;
      }
      if (!v.isKnown() || v.isNull()) {
        continue;
      }
      // By class, not by type(): a tuple's type is worked out over its whole depth.
      if (v instanceof NumberValue || v instanceof BoolValue) {
        Convert.Result r = Convert.to(v, Type.STRING);
        if (r.isOk()) {
          out.add(r.value().asString());
        }
        continue;
      }
      List<Value> children = Values.children(v);
      for (int i = children.size() - 1; i >= 0; i--) { // in order: the first on top
        pending.push(children.get(i));
      }
    }
    return out;
  }
}
