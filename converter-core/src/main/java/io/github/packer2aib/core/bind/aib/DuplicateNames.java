package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
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
 *
 * <p>Within one document the templates compared are those deployed to one resource group: an inline
 * nested deployment ({@code Microsoft.Resources/deployments}) deploys to the group of the
 * deployment around it unless it names a {@code resourceGroup}, {@code subscriptionId} or {@code
 * scope} of its own. Two that name the same literal group (and subscription) deploy to one group
 * too; one named by an expression, or another scope, is a place apart.
 */
public final class DuplicateNames {
  private DuplicateNames() {}

  /**
   * One warning per resource whose name an earlier resource of its resource group already has.
   *
   * @param document the document the resources were found in, to read the nested deployments that
   *     hold them
   */
  public static List<Diagnostic> check(DocNode document, List<ResourceRef> resources) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Seen> seen = new HashMap<>();
    for (ResourceRef ref : resources) {
      Optional<DocMember> name = ref.node().member("name");
      Optional<String> text = name.flatMap(m -> DocScalar.stringValue(m.value()));
      if (text.isEmpty() || ArmExpression.isExpression(text.get())) {
        continue;
      }
      String pointer = ref.pointer();
      String array = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
      String key =
          DeploymentTargets.resourceGroup(document, pointer)
              + "\u0000"
              + text.get().toLowerCase(Locale.ROOT);
      Seen first = seen.putIfAbsent(key, new Seen(name.get(), array));
      if (first == null) {
        continue;
      }
      String firstName = DocScalar.stringValue(first.name().value()).orElse("");
      String same =
          "\""
              + firstName
              + "\""
              + (firstName.equals(text.get())
                  ? " too"
                  : ", which Azure takes for the same name (it ignores case)");
      String detail =
          first.array().equals(array)
              ? "Another image template of this deployment template is named "
                  + same
                  + ": ARM refuses a deployment with two resources of one name, and each"
                  + " converted file would create or replace the same image template. Give each"
                  + " its own name."
              : "Another image template of this deployment template goes to the same resource"
                  + " group (a nested deployment deploys to the group of the deployment around it"
                  + " unless it names another) and is named "
                  + same
                  + ": the deployments, and each converted file, would create or replace the same"
                  + " image template. Give each its own name.";
      out.add(
          Diagnostic.of(BindCode.DUPLICATE_RESOURCE_NAME, name.get().value().range(), detail)
              .withPath(ref.pointer() + "/name")
              .withRelated(new Related(first.name().value().range(), "first named here")));
    }
    return out;
  }

  /** The name of a resource and the array that holds it. */
  private record Seen(DocMember name, String array) {}

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
