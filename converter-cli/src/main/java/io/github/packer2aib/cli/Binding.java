package io.github.packer2aib.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Binds an option or parameter to a field of the object that uses it, through two lambdas, so the
 * command reads its parsed values from plain fields. This stands in for picocli's annotations on
 * those fields: picocli reads annotations by reflection, which costs a cold run more than parsing
 * the command line (a JDK proxy class per annotation type, which the class-data sharing archive
 * cannot hold). The field's value when the model is built is the option's initial value, as it is
 * for an annotated field.
 */
final class Binding<V> implements IGetter, ISetter {
  private final Supplier<V> getter;
  private final Consumer<V> setter;

  private Binding(Supplier<V> getter, Consumer<V> setter) {
    this.getter = getter;
    this.setter = setter;
  }

  /** {@code option}, reading and writing its value through {@code get} and {@code set}. */
  static <V> OptionSpec.Builder bind(OptionSpec.Builder option, Supplier<V> get, Consumer<V> set) {
    Binding<V> binding = new Binding<>(get, set);
    return option.getter(binding).setter(binding).initialValue(get.get());
  }

  /** {@code parameter}, reading and writing its value through {@code get} and {@code set}. */
  static <V> PositionalParamSpec.Builder bind(
      PositionalParamSpec.Builder parameter, Supplier<V> get, Consumer<V> set) {
    Binding<V> binding = new Binding<>(get, set);
    return parameter.getter(binding).setter(binding).initialValue(get.get());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get() {
    return (T) getter.get();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T set(T value) {
    T previous = get();
    setter.accept((V) value);
    return previous;
  }
}
