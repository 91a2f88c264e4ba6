package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.function.SecretFunctions;
import io.github.packer2aib.core.hcl.syntax.BinaryOp;
import io.github.packer2aib.core.hcl.syntax.Conditional;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.FunctionCall;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateInterpolation;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.TemplatePart;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an expression's source text shows no value, only names: references ({@code var.x}, {@code
 * "${local.y}"}), the names that {@code env("NAME")} reads, and calls and operators over them. The
 * source line of a secret default or a sensitive local is masked so that a literal secret never
 * shows; such a text holds none, and masking it hid what a message was about ({@code default =
 * "${var.ARM_CLIENT_SECRET}"} shown as {@code default = "***"} under "Variables not allowed", its
 * caret under the mask).
 */
final class ValueFreeSyntax {
  private ValueFreeSyntax() {}

  /**
   * Whether {@code e} holds no literal: anything written out (a string, a number, a bare word, a
   * {@code for}) may be the secret or a part of it.
   */
  static boolean showsNoValue(Expression e) {
    if (e instanceof ScopeTraversal t) {
      // A reference, as the masking of lines reads one; a bare word (default = hunter2) is the
      // value written without quotes.
      return (t.root().equals("var") || t.root().equals("local")) && !t.traversers().isEmpty();
    }
    if (e instanceof TemplateExpr t) {
      for (TemplatePart p : t.parts()) {
        boolean shown =
            p instanceof TemplateInterpolation i
                ? showsNoValue(i.expression())
                : p instanceof TemplateLiteral l && l.text().isEmpty();
        if (!shown) {
          return false;
        }
      }
      return !t.parts().isEmpty();
    }
    if (e instanceof FunctionCall c) {
      if (InputVariables.readsEnvironmentOnly(c)) {
        return true; // its argument names an environment variable
      }
      for (Expression a : c.arguments()) {
        if (!showsNoValue(a)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Parenthesized p) {
      return showsNoValue(p.expression());
    }
    if (e instanceof Tuple t) {
      for (Expression element : t.elements()) {
        if (!showsNoValue(element)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof ObjectCons o) {
      for (ObjectItem item : o.items()) {
        // A key written as a name names the attribute; any other key is a value like the rest.
        if ((item.literalName().isEmpty() && !showsNoValue(item.key()))
            || !showsNoValue(item.value())) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof BinaryOp b) {
      return showsNoValue(b.left()) && showsNoValue(b.right());
    }
    if (e instanceof UnaryOp u) {
      return showsNoValue(u.operand());
    }
    if (e instanceof Conditional c) {
      return showsNoValue(c.condition())
          && showsNoValue(c.trueResult())
          && showsNoValue(c.falseResult());
    }
    return false;
  }

  /**
   * Whether {@code c} reads a secret from a store by name: {@code vault(path, key)}, {@code
   * consul_key(key)}, {@code aws_secretsmanager(name, key)}. Its arguments are written out (no
   * variable in them, nothing written out in another way) and say where the secret is kept, as a
   * variable's name does, not what it is: masked, the key ("client_secret") was masked as a word in
   * every message about the file ("*** is a credential Packer signs in to Azure with"). Which
   * functions these are, {@link SecretFunctions#readsByName} says ({@code rsadecrypt} decrypts what
   * it is given and is not one of them).
   */
  private static boolean namesWhereASecretIs(FunctionCall c) {
    if (!SecretFunctions.readsByName(c.name()) || c.expandFinal()) {
      return false;
    }
    for (Expression a : c.arguments()) {
      if (!(a instanceof TemplateExpr t
          && t.parts().size() <= 1
          && (t.parts().isEmpty() || t.parts().get(0) instanceof TemplateLiteral)
          && t.form() == TemplateExpr.Form.QUOTED)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where {@code e} writes values: the parts of it that do not {@linkplain #showsNoValue show no
   * value}, each as a whole, found through the calls, brackets and operators around them, which
   * stay. So a sensitive local's {@code vault("secret/data/azure", "client_secret")} is quoted as
   * {@code vault("***", "***")}: the function's name is no value, and masking it hid which function
   * a message was about ({@code The "***" function}). A string template is one part, whatever it
   * holds (its text is the value), and so is any expression not named here ({@code -5}: the sign is
   * part of the number).
   */
  static List<Range> valueParts(Expression e) {
    List<Range> out = new ArrayList<>();
    valueParts(e, out);
    return out;
  }

  private static void valueParts(Expression e, List<Range> out) {
    if (showsNoValue(e)) {
      return;
    }
    if (e instanceof FunctionCall c && !InputVariables.readsEnvironmentOnly(c)) {
      if (namesWhereASecretIs(c)) {
        return; // vault("secret/data/azure", "client_secret"): where the secret is, not it
      }
      for (Expression a : c.arguments()) {
        valueParts(a, out);
      }
    } else if (e instanceof Parenthesized p) {
      valueParts(p.expression(), out);
    } else if (e instanceof Tuple t) {
      for (Expression element : t.elements()) {
        valueParts(element, out);
      }
    } else if (e instanceof ObjectCons o) {
      for (ObjectItem item : o.items()) {
        if (item.literalName().isEmpty()) {
          valueParts(item.key(), out);
        }
        valueParts(item.value(), out);
      }
    } else if (e instanceof BinaryOp b) {
      valueParts(b.left(), out);
      valueParts(b.right(), out);
    } else if (e instanceof Conditional c) {
      valueParts(c.condition(), out);
      valueParts(c.trueResult(), out);
      valueParts(c.falseResult(), out);
    } else {
      out.add(e.range());
    }
  }
}
