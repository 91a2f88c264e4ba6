package io.github.packer2aib.core.aib;

import java.util.Map;
import java.util.Objects;

/**
 * A {@code Microsoft.VirtualMachineImages/imageTemplates} resource in the form the AIB documentation
 * shows (and ARM deployments use): {@code type}, {@code apiVersion}, {@code name}, {@code location},
 * {@code tags}, {@code identity}, {@code properties}. Fields are null when absent.
 */
public record ImageTemplate(
    String type,
    String apiVersion,
    String name,
    String location,
    Map<String, String> tags,
    Identity identity,
    ImageTemplateProperties properties) {

  public static final String RESOURCE_TYPE = "Microsoft.VirtualMachineImages/imageTemplates";

  public ImageTemplate {
    Objects.requireNonNull(properties, "properties");
    tags = Maps.copyOrNull(tags);
  }

  public ImageTemplate withApiVersion(String newApiVersion) {
    return new ImageTemplate(type, newApiVersion, name, location, tags, identity, properties);
  }

  public ImageTemplate withIdentity(Identity newIdentity) {
    return new ImageTemplate(type, apiVersion, name, location, tags, newIdentity, properties);
  }

  public ImageTemplate withProperties(ImageTemplateProperties newProperties) {
    return new ImageTemplate(type, apiVersion, name, location, tags, identity, newProperties);
  }
}
