package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks the builder mappers share: fields that go together, unknown nested fields. */
final class BuilderChecks {
  private BuilderChecks() {}

  /** Reports the missing ones of fields that go together; true when all are present. */
  static boolean required(Unit u, Fields f, String... keys) {
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String k : keys) {
      (f.has(k) ? present : missing).add(k);
    }
    if (missing.isEmpty()) {
      return true;
    }
    if (!present.isEmpty()) {
      u.report.add(
          PackerMapCode.MISSING_FIELD,
          f.nameRange(present.get(0)),
          Words.and(present)
              + (present.size() > 1 ? " need " : " needs ")
              + Words.and(missing)
              + " as well; Packer and Image Builder both require "
              + Words.and(List.of(keys))
              + " together. "
              + absentOrEmpty(f, missing));
    }
    return false;
  }

  /**
   * What is wrong with {@code missing} fields of {@code f} and what to do, as a sentence: "x is
   * missing. Add it." for fields not written; for fields written but empty "y is written but empty,
   * …: give it a value.", since "add" would send the reader looking for a line that is there. What
   * makes them empty is named when each reads a variable and nothing else (a default of "", a var
   * file's or --var's ""): "as the variable "os" it reads is empty"; else it is "a variable or
   * environment variable without a value".
   */
  static String absentOrEmpty(Fields f, List<String> missing) {
    List<String> empty = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String k : missing) {
      (f.written(k) ? empty : absent).add(k);
    }
    StringBuilder b = new StringBuilder();
    if (!absent.isEmpty()) {
      b.append(Words.and(absent))
          .append(absent.size() > 1 ? " are missing. Add them." : " is missing. Add it.");
    }
    if (!empty.isEmpty()) {
      boolean many = empty.size() > 1;
      b.append(b.length() > 0 ? " " : "")
          .append(Words.and(empty))
          .append(many ? " are" : " is")
          .append(" written but empty");
      Set<String> variables = new LinkedHashSet<>();
      for (String k : empty) {
        String read = f.reads(k);
        if (read == null) {
          variables = null;
          break;
        }
        variables.add(read);
      }
      if (variables == null) {
        b.append(", as a variable or environment variable without a value")
            .append(many ? " makes them: give " : " makes it: give ")
            .append(many ? "them values" : "it a value")
            .append('.');
      } else {
        boolean several = variables.size() > 1;
        b.append(", as ")
            .append(several ? "the variables " : "the variable ")
            .append(Words.andQuoted(variables))
            .append(many ? " they read " : " it reads ")
            .append(several ? "are" : "is")
            .append(" empty: give ")
            .append(several ? "those variables values." : "that variable a value.");
      }
    }
    return b.toString();
  }

  /**
   * Where to report that {@code missing} fields of {@code f} are needed: the first of them that is
   * written but empty, which the reader can see and fix ("has no x" at the block's brace sent the
   * reader looking for a line that is there), else {@code otherwise} (the block).
   */
  static Range missingAt(Fields f, List<String> missing, Range otherwise) {
    for (String k : missing) {
      if (f.written(k)) {
        return f.nameRange(k);
      }
    }
    return otherwise;
  }

  /**
   * The end of a sentence saying that {@code f} needs {@code key}: {@code advice} (such as ". Add
   * it.") when the field is not written, else that it is written but empty.
   */
  static String missingOrEmpty(Fields f, String key, String advice) {
    return f.written(key) ? ", but " + absentOrEmpty(f, List.of(key)) : advice;
  }

  /**
   * Reports every field of the azure-arm block {@code nested} nobody read: a field of {@code known}
   * that the fields beside it leave unused is dropped with a note; an unknown one is an error when
   * it is two edits or fewer from a known one (a misspelling Packer refuses), else a warning
   * ({@link UnknownFields}).
   */
  static void unknownFields(Unit u, Fields nested, List<String> known) {
    List<Fields.Leftover> leftovers = nested.leftovers();
    for (int i = 0; i < leftovers.size(); i++) { // by index: no iterator (C1 code)
      Fields.Leftover l = leftovers.get(i);
      if (known.contains(l.key())) {
        u.report.add(
            PackerMapCode.FIELD_DROPPED,
            l.range(),
            l.name() + " is not used with the other fields set beside it, so it was dropped.");
        continue;
      }
      String block = l.name().substring(0, Math.max(0, l.name().length() - l.key().length() - 1));
      UnknownFields.reportAzureField(u, nested, l, known, block, l.key(), l.name());
    }
  }
}
