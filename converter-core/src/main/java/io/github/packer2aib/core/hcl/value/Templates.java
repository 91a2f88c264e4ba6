package io.github.packer2aib.core.hcl.value;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Values in string templates ({@code "a-${x}"}): each interpolated value is converted to a string
 * (numbers and bools convert; null and collections are errors, with HCL's wording), and the parts
 * are joined. Unknown parts make the result unknown; marks of every part go to the result.
 */
public final class Templates {
  private Templates() {}

  public static final String INVALID_INTERPOLATION = "Invalid template interpolation value";

  /** One interpolated value as a string value (or unknown string), keeping its marks. */
  public static Value interpolate(Value v) throws OperationException {
    Set<Mark> marks = v.deepMarks();
    Value u = Values.stripMarks(v);
    if (u.isNull()) {
      throw new OperationException(
          0,
          INVALID_INTERPOLATION,
          "The expression result is null. Cannot include a null value in a string template.");
    }
    if (!u.isKnown()) {
      if (u.type() != Type.DYNAMIC && !Convert.convertible(u.type(), Type.STRING, true)) {
        throw new OperationException(
            0,
            INVALID_INTERPOLATION,
            "Cannot include the given value in a string template: string required.");
      }
      return Value.unknown(Type.STRING).withMarks(marks);
    }
    Convert.Result r = Convert.to(u, Type.STRING);
    if (!r.isOk()) {
      throw new OperationException(
          0,
          INVALID_INTERPOLATION,
          "Cannot include the given value in a string template: "
              + ((Convert.Failed) r).error()
              + ".");
    }
    return r.value().withMarks(marks);
  }

  /** Joins literal and interpolated parts (each already a string value, unknown or marked). */
  public static Value concat(List<Value> parts) throws OperationException {
    EnumSet<Mark> marks = EnumSet.noneOf(Mark.class);
    StringBuilder sb = new StringBuilder();
    boolean unknown = false;
    for (Value p : parts) {
      Value s = interpolate(p);
      marks.addAll(s.marks());
      Value u = s.unmarked();
      if (!u.isKnown()) {
        unknown = true;
      } else if (!unknown) {
        sb.append(u.asString());
      }
    }
    return (unknown ? Value.unknown(Type.STRING) : Value.string(sb.toString())).withMarks(marks);
  }
}
