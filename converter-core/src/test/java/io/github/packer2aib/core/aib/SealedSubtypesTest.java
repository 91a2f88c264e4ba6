package io.github.packer2aib.core.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.emit.TemplateDocs;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every permitted subtype of a discriminated model interface is written, with its discriminator
 * first: the emitter lists the subtypes by hand, so a subtype added to a sealed interface must be
 * added there too.
 */
class SealedSubtypesTest {

  /** A template holding one item of a discriminated type, and the item's pointer in it. */
  private record Slot(String pointer, String discriminator, Function<Object, ImageTemplate> wrap) {}

  private static final Map<Class<?>, Slot> DISCRIMINATED =
      Map.of(
          ImageSource.class,
          new Slot("/properties/source", "type", i -> template(props().source((ImageSource) i))),
          Customizer.class,
          new Slot(
              "/properties/customize/0",
              "type",
              i -> template(props().customize(List.of((Customizer) i)))),
          InVmValidator.class,
          new Slot(
              "/properties/validate/inVMValidations/0",
              "type",
              i ->
                  template(props().validate(new Validate(null, null, List.of((InVmValidator) i))))),
          Distributor.class,
          new Slot(
              "/properties/distribute/0",
              "type",
              i -> template(props().distribute(List.of((Distributor) i)))),
          Versioning.class,
          new Slot(
              "/properties/distribute/0/versioning",
              "scheme",
              i ->
                  template(
                      props()
                          .distribute(
                              List.of(
                                  new Distributor.SharedImage(
                                      null,
                                      null,
                                      null,
                                      null,
                                      null,
                                      (Versioning) i,
                                      null,
                                      null,
                                      null))))));

  /**
   * Sealed interfaces that are written as their value (literal or expression), no discriminator.
   */
  private static final List<Class<?>> VALUE_TYPES = List.of(IntValue.class, BoolValue.class);

  private static ImageTemplateProperties.Builder props() {
    return ImageTemplateProperties.builder();
  }

  private static ImageTemplate template(ImageTemplateProperties.Builder properties) {
    return new ImageTemplate(null, null, null, null, null, null, properties.build());
  }

  /** An instance with every component absent (null). */
  private static Object empty(Class<?> record) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Constructor<?> c =
        record.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    return c.newInstance(new Object[components.length]);
  }

  private static String discriminatorValue(Object item) throws Exception {
    return (String)
        item.getClass().getMethod(item instanceof Versioning ? "scheme" : "type").invoke(item);
  }

  @TestFactory
  List<DynamicTest> everyPermittedSubtypeIsWrittenWithItsDiscriminatorFirst() {
    List<DynamicTest> tests = new ArrayList<>();
    DISCRIMINATED.forEach(
        (iface, slot) -> {
          for (Class<?> sub : iface.getPermittedSubclasses()) {
            tests.add(
                DynamicTest.dynamicTest(
                    iface.getSimpleName() + "." + sub.getSimpleName(),
                    () -> {
                      Object item = empty(sub);
                      DocNode doc =
                          JsonPointer.resolve(
                              TemplateDocs.toDoc(slot.wrap().apply(item)), slot.pointer());
                      DocMember first = ((DocObject) doc).members().get(0);
                      assertEquals(slot.discriminator(), first.key());
                      assertEquals(DocScalar.string(discriminatorValue(item), null), first.value());
                      // Absent fields are left out: the discriminator is all there is.
                      assertEquals(1, ((DocObject) doc).members().size());
                    }));
          }
        });
    return tests;
  }

  @Test
  void typeNamesAreTheSpecsDiscriminators() throws Exception {
    assertEquals(
        List.of("PlatformImage", "ManagedImage", "SharedImageVersion", "ISO"),
        names(ImageSource.class));
    assertEquals(
        List.of("Shell", "PowerShell", "File", "WindowsRestart", "WindowsUpdate"),
        names(Customizer.class));
    assertEquals(List.of("Shell", "PowerShell", "File"), names(InVmValidator.class));
    assertEquals(List.of("ManagedImage", "SharedImage", "VHD"), names(Distributor.class));
    assertEquals(List.of("Latest", "Source"), names(Versioning.class));
  }

  @Test
  void valueTypesPermitLiteralAndExpression() {
    for (Class<?> c : VALUE_TYPES) {
      assertEquals(
          List.of("Literal", "Expression"),
          Arrays.stream(c.getPermittedSubclasses()).map(Class::getSimpleName).toList(),
          c.getSimpleName());
    }
  }

  /** Finds the package's sealed interfaces on disk, so a new one cannot be forgotten here. */
  @Test
  void everySealedModelInterfaceIsCovered() throws Exception {
    URL url = ImageTemplate.class.getResource("ImageTemplate.class");
    Assumptions.assumeTrue(url != null && url.getProtocol().equals("file"), "classes in a folder");
    Path dir = Path.of(url.toURI()).getParent();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class")) {
          continue;
        }
        Class<?> c =
            Class.forName(
                ImageTemplate.class.getPackageName() + "." + file.substring(0, file.length() - 6));
        if (c.isInterface() && c.isSealed()) {
          found.add(c.getSimpleName());
          assertTrue(DISCRIMINATED.containsKey(c) || VALUE_TYPES.contains(c), c.getName());
        }
      }
    }
    assertEquals(7, found.size(), found.toString());
  }

  private static List<String> names(Class<?> iface) throws Exception {
    List<String> names = new ArrayList<>();
    for (Class<?> sub : iface.getPermittedSubclasses()) {
      names.add(discriminatorValue(empty(sub)));
    }
    return names;
  }
}
