package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Triggers ({@code Microsoft.VirtualMachineImages/imageTemplates/triggers}) that a deployment
 * template declares as resources of their own, beside the image template they start: the converted
 * template is the image template alone, so each such trigger of a template converted here gets a
 * note, as a trigger among the template's child resources does ({@code BIND-N001}). A trigger names
 * its template in its own name: {@code "plain/nightly"}, or what {@code az bicep build} writes for
 * a child resource, {@code "[format('{0}/{1}', parameters('name'), 'nightly')]"}. Triggers of other
 * templates (not in this file, or deployed to another resource group) are other resources, which
 * are ignored.
 */
final class TemplateTriggers {
  private TemplateTriggers() {}

  /** The resource type of a trigger, as ARM compares it (ignoring case). */
  static final String TYPE = "Microsoft.VirtualMachineImages/imageTemplates/triggers";

  /** Bicep's name of a child resource: the parent's name expression and the child's own name. */
  private static final Pattern BICEP_CHILD_NAME =
      Pattern.compile("\\[format\\('\\{0\\}/\\{1\\}',\\s*(.+),\\s*'([^']*)'\\)\\]");

  /**
   * A note for each trigger of {@code triggers} (by pointer) whose template is one of {@code
   * templates}, in the same resource group of {@code root}.
   */
  static List<Diagnostic> leftOut(
      DocNode root, List<ResourceRef> templates, Map<String, DocObject> triggers) {
    List<Diagnostic> out = new ArrayList<>();
    for (Map.Entry<String, DocObject> e : triggers.entrySet()) {
      Optional<DocMember> name = e.getValue().member("name");
      Optional<String[]> parts =
          name.flatMap(m -> DocScalar.stringValue(m.value())).flatMap(TemplateTriggers::split);
      if (parts.isEmpty()) {
        continue;
      }
      String group = DeploymentTargets.resourceGroup(root, e.getKey());
      for (ResourceRef t : templates) {
        Optional<String> templateName =
            DocScalar.stringValue(t.node().member("name").map(DocMember::value).orElse(null));
        if (templateName.isPresent()
            && sameName(parts.get()[0], templateName.get())
            && DeploymentTargets.resourceGroup(root, t.pointer()).equals(group)) {
          out.add(note(e.getKey(), name.get(), parts.get()[1], templateName.get()));
          break;
        }
      }
    }
    return out;
  }

  /** The template's name and the trigger's own name of a trigger's name; empty for another form. */
  private static Optional<String[]> split(String name) {
    Matcher m = BICEP_CHILD_NAME.matcher(name);
    if (m.matches()) {
      return Optional.of(new String[] {"[" + m.group(1).strip() + "]", m.group(2)});
    }
    int slash = name.indexOf('/');
    if (ArmExpression.isExpression(name) || slash <= 0 || slash != name.lastIndexOf('/')) {
      return Optional.empty();
    }
    return Optional.of(new String[] {name.substring(0, slash), name.substring(slash + 1)});
  }

  /** Azure compares literal names ignoring case; an expression is the same one as written. */
  private static boolean sameName(String parent, String template) {
    return ArmExpression.isExpression(template)
        ? parent.equals(template)
        : !ArmExpression.isExpression(parent) && parent.equalsIgnoreCase(template);
  }

  private static Diagnostic note(String pointer, DocMember name, String trigger, String template) {
    return Diagnostic.of(
            BindCode.TRIGGER_LEFT_OUT,
            name.value().range(),
            "This deployment template also creates the trigger \""
                + trigger
                + "\" of the image template \""
                + template
                + "\" (a "
                + TYPE
                + " resource, which starts a build when the template's source image changes)."
                + " The converted template is the image template alone, without it: once the"
                + " template is created, create the trigger again (az image builder trigger create"
                + " --resource-group <group> --image-template-name "
                + (ArmExpression.isExpression(template) ? "<template>" : template)
                + " --name "
                + trigger
                + " --kind SourceImage), or deploy it in a deployment template.")
        .withPath(pointer);
  }
}
