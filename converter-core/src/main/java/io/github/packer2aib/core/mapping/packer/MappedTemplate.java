package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.source.Range;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One image template made from one source usage.
 *
 * @param name a file-name-safe name: the usage name, or {@code <build>.<usage>} when two builds use
 *     the same name; also the template's resource {@code name}
 * @param template the AIB model, in the requested API version
 * @param locate the Packer source range an AIB JSON pointer (relative to the resource, e.g. {@code
 *     /properties/vmProfile/vmSize}) came from, or of its nearest ancestor that has one
 * @param label where a member at an AIB JSON pointer came from in words, when its range cannot say
 *     it: {@code setup.sh:3} for a line a step writes from that script (the range is the template's
 *     {@code script = "setup.sh"}); empty for most
 * @param doc the template as a document tree ({@code TemplateDocs.toDoc}): what the spec validator
 *     checks and what both output formats are written from
 * @param json the document as canonical JSON ({@code DocWriter.toJson}): the mapper writes it
 *     anyway to check that no secret is in it, and the JSON output reuses it
 */
public record MappedTemplate(
    String name,
    ImageTemplate template,
    Function<String, Optional<Range>> locate,
    Function<String, Optional<String>> label,
    DocObject doc,
    String json) {
  public MappedTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(locate, "locate");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(json, "json");
  }
}
