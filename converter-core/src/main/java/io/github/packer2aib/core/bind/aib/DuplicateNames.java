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
 * Image templates of one input with the same literal name: in one {@code resources} array ARM
 * refuses such a deployment template, and in any case the converted files (one per resource, named
 * apart) would each create or replace the same image template, as two documents of one YAML stream
 * would. Azure compares resource names ignoring case.
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

  /**
   * One warning per image template whose name an image template of an earlier document of the same
   * stream already has (the templates of one document are {@link #check}'s). A stream is one file,
   * deployed or converted as one, and its converted files, named apart ({@code web.json}, {@code
   * web-2.json}), would each create or replace the same image template in a resource group.
   *
   * @param documents the image templates of each document, in stream order
   */
  public static List<Diagnostic> acrossDocuments(List<List<ResourceRef>> documents) {
    List<Diagnostic> out = new ArrayList<>();
    // Lower-case name -> where an earlier document names it first.
    Map<String, DocMember> earlier = new HashMap<>();
    for (List<ResourceRef> document : documents) {
      Map<String, DocMember> own = new HashMap<>();
      for (ResourceRef ref : document) {
        Optional<DocMember> name = ref.node().member("name");
        Optional<String> text = name.flatMap(m -> DocScalar.stringValue(m.value()));
        if (text.isEmpty() || ArmExpression.isExpression(text.get())) {
          continue;
        }
        String key = text.get().toLowerCase(Locale.ROOT);
        own.putIfAbsent(key, name.get());
        DocMember first = earlier.get(key);
        if (first == null) {
          continue;
        }
        String firstName = DocScalar.stringValue(first.value()).orElse("");
        out.add(
            Diagnostic.of(
                    BindCode.DUPLICATE_RESOURCE_NAME,
                    name.get().value().range(),
                    "An image template of an earlier document of this stream is named \""
                        + firstName
                        + "\""
                        + (firstName.equals(text.get())
                            ? " too"
                            : ", which Azure takes for the same name (it ignores case)")
                        + ": the converted files, named apart, would each create or replace the"
                        + " same image template in a resource group. Give each its own name.")
                .withPath(ref.pointer() + "/name")
                .withRelated(new Related(first.value().range(), "first named here")));
      }
      own.forEach(earlier::putIfAbsent);
    }
    return out;
  }
}
