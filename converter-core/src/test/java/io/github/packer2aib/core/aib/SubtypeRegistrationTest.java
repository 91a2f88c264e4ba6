package io.github.packer2aib.core.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Jackson 2.x does not read {@code permits}: a subtype added to a sealed interface but not to its
 * {@code @JsonSubTypes} would be written without its discriminator. This keeps the two in step.
 */
class SubtypeRegistrationTest {

  /** Sealed model interfaces written with a discriminator property. */
  private static final List<Class<?>> DISCRIMINATED =
      List.of(
          ImageSource.class,
          Customizer.class,
          InVmValidator.class,
          Distributor.class,
          Versioning.class);

  /**
   * Sealed interfaces that are written as their value (literal or expression), no discriminator.
   */
  private static final List<Class<?>> VALUE_TYPES = List.of(IntValue.class, BoolValue.class);

  @TestFactory
  List<DynamicTest> permittedSubclassesAreRegisteredSubtypes() {
    return DISCRIMINATED.stream()
        .map(c -> DynamicTest.dynamicTest(c.getSimpleName(), () -> check(c)))
        .toList();
  }

  private static void check(Class<?> sealed) {
    assertTrue(sealed.isSealed(), sealed + " is sealed");
    assertNotNull(sealed.getAnnotation(JsonTypeInfo.class), sealed + " has @JsonTypeInfo");
    JsonSubTypes registered = sealed.getAnnotation(JsonSubTypes.class);
    assertNotNull(registered, sealed + " has @JsonSubTypes");
    Set<String> permitted =
        Arrays.stream(sealed.getPermittedSubclasses())
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> listed =
        Arrays.stream(registered.value())
            .map(t -> t.value().getName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(permitted, listed, sealed.getSimpleName());
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      JsonTypeName name = sub.getAnnotation(JsonTypeName.class);
      assertNotNull(name, sub + " has @JsonTypeName");
    }
  }

  @Test
  void typeNamesAreTheSpecsDiscriminators() {
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
    List<String> sealed = new ArrayList<>();
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
          sealed.add(c.getSimpleName());
          assertTrue(DISCRIMINATED.contains(c) || VALUE_TYPES.contains(c), c.getName());
        }
      }
    }
    assertEquals(7, sealed.size(), sealed.toString());
  }

  private static List<String> names(Class<?> sealed) {
    return Arrays.stream(sealed.getPermittedSubclasses())
        .map(s -> s.getAnnotation(JsonTypeName.class).value())
        .toList();
  }
}
