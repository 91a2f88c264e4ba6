package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocObject;
import java.util.Objects;

/**
 * One image template found in a document.
 *
 * @param pointer the JSON pointer of the resource object in the document ({@code ""} for a document
 *     that is the resource itself, {@code /resources/2} inside an ARM template)
 * @param node the resource object (or REST body)
 * @param suggestedName a file-name-safe name for the converted output, unique within the document
 * @param ownName whether {@code suggestedName} is the resource's own {@code name}, which is kept
 *     before another document's fallback can take it ({@link ResourceNames#acrossDocuments}), not
 *     one made from the input's name or numbered
 * @param scope the parameters and variables the resource's expressions read: in an ARM deployment
 *     template its own, or inside a nested deployment the enclosing template's or the nested one's,
 *     by its {@code expressionEvaluationOptions} ({@link DeploymentScope}); {@link ArmValues#NONE}
 *     for a resource that is the document itself
 */
public record ResourceRef(
    String pointer, DocObject node, String suggestedName, boolean ownName, ArmValues scope) {
  public ResourceRef {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(suggestedName, "suggestedName");
    Objects.requireNonNull(scope, "scope");
  }
}
