package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Image template resources of one {@code resources} array with the same literal name: ARM refuses
 * such a deployment template, and the converted files (one per resource, named apart) would each
 * create or replace the same image template. Azure compares resource names ignoring case.
 */
public final class DuplicateNames {
  private DuplicateNames() {}

  /** One warning per resource whose name an earlier resource of its array already has. */
  public static List<Diagnostic> check(List<ResourceRef> resources) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, DocMember> seen = new HashMap<>();
    for (ResourceRef ref : resources) {
      Optional<DocMember> name = ref.node().member("name");
      Optional<String> text = name.flatMap(m -> DocScalar.stringValue(m.value()));
      if (text.isEmpty() || ArmExpression.isExpression(text.get())) {
        continue;
      }
      // The array holding the resource: nested deployments name theirs apart.
      String pointer = ref.pointer();
      String array = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
      String key = array + "\u0000" + text.get().toLowerCase(Locale.ROOT);
      DocMember first = seen.putIfAbsent(key, name.get());
      if (first != null) {
        out.add(
            Diagnostic.of(
                    BindCode.DUPLICATE_RESOURCE_NAME,
                    name.get().value().range(),
                    "Another image template of this deployment template is named \""
                        + DocScalar.stringValue(first.value()).orElse("")
                        + "\""
                        + (DocScalar.stringValue(first.value()).orElse("").equals(text.get())
                            ? " too"
                            : ", which Azure takes for the same name (it ignores case)")
                        + ": ARM refuses a deployment with two resources of one name, and"
                        + " each converted file would create or replace the same image template."
                        + " Give each its own name.")
                .withPath(ref.pointer() + "/name")
                .withRelated(new Related(first.value().range(), "first named here")));
      }
    }
    return out;
  }
}
