package io.github.packer2aib.core.aib;

import java.util.List;
import java.util.Map;

/**
 * {@code properties} of an image template. The order (also the written order: {@code
 * core.emit.TemplateDocs}) is the AIB documentation's template format; fields added to the API
 * after that page (autoRun, managedResourceTags, additionalDataDisks) follow in the order the API
 * versions introduced them.
 */
public record ImageTemplateProperties(
    IntValue buildTimeoutInMinutes,
    List<Customizer> customize,
    ErrorHandling errorHandling,
    List<Distributor> distribute,
    Optimize optimize,
    ImageSource source,
    String stagingResourceGroup,
    Validate validate,
    VmProfile vmProfile,
    AutoRun autoRun,
    Map<String, String> managedResourceTags,
    List<DataDisk> additionalDataDisks) {

  public ImageTemplateProperties {
    customize = Maps.copyOrNull(customize);
    distribute = Maps.copyOrNull(distribute);
    managedResourceTags = Maps.copyOrNull(managedResourceTags);
    additionalDataDisks = Maps.copyOrNull(additionalDataDisks);
  }

  /** A builder, since most producers set a handful of the twelve fields. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .buildTimeoutInMinutes(buildTimeoutInMinutes)
        .customize(customize)
        .errorHandling(errorHandling)
        .distribute(distribute)
        .optimize(optimize)
        .source(source)
        .stagingResourceGroup(stagingResourceGroup)
        .validate(validate)
        .vmProfile(vmProfile)
        .autoRun(autoRun)
        .managedResourceTags(managedResourceTags)
        .additionalDataDisks(additionalDataDisks);
  }

  /** Mutable builder for {@link ImageTemplateProperties}. */
  public static final class Builder {
    private IntValue buildTimeoutInMinutes;
    private List<Customizer> customize;
    private ErrorHandling errorHandling;
    private List<Distributor> distribute;
    private Optimize optimize;
    private ImageSource source;
    private String stagingResourceGroup;
    private Validate validate;
    private VmProfile vmProfile;
    private AutoRun autoRun;
    private Map<String, String> managedResourceTags;
    private List<DataDisk> additionalDataDisks;

    public Builder buildTimeoutInMinutes(IntValue v) {
      buildTimeoutInMinutes = v;
      return this;
    }

    public Builder customize(List<Customizer> v) {
      customize = v;
      return this;
    }

    public Builder errorHandling(ErrorHandling v) {
      errorHandling = v;
      return this;
    }

    public Builder distribute(List<Distributor> v) {
      distribute = v;
      return this;
    }

    public Builder optimize(Optimize v) {
      optimize = v;
      return this;
    }

    public Builder source(ImageSource v) {
      source = v;
      return this;
    }

    public Builder stagingResourceGroup(String v) {
      stagingResourceGroup = v;
      return this;
    }

    public Builder validate(Validate v) {
      validate = v;
      return this;
    }

    public Builder vmProfile(VmProfile v) {
      vmProfile = v;
      return this;
    }

    public Builder autoRun(AutoRun v) {
      autoRun = v;
      return this;
    }

    public Builder managedResourceTags(Map<String, String> v) {
      managedResourceTags = v;
      return this;
    }

    public Builder additionalDataDisks(List<DataDisk> v) {
      additionalDataDisks = v;
      return this;
    }

    public ImageTemplateProperties build() {
      return new ImageTemplateProperties(
          buildTimeoutInMinutes,
          customize,
          errorHandling,
          distribute,
          optimize,
          source,
          stagingResourceGroup,
          validate,
          vmProfile,
          autoRun,
          managedResourceTags,
          additionalDataDisks);
    }
  }
}
