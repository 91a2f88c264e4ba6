package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.source.Range;

/**
 * A builder as written, before evaluation.
 *
 * @param type its {@code type}
 * @param rawName its {@code name} as written, else its type: what {@code only}, {@code except} and
 *     {@code override} refer to (Packer matches them against the uninterpolated name)
 * @param name the name after interpolation
 * @param object the builder object
 * @param pointer its JSON pointer
 * @param nameRange where its name (or type) is written
 */
record RawBuilder(
    String type, String rawName, String name, DocObject object, String pointer, Range nameRange) {}
