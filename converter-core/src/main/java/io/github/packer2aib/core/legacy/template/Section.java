package io.github.packer2aib.core.legacy.template;

/**
 * Where in a legacy template a string stands; Packer makes different functions available in each
 * ({@code env} only in {@code variables}, {@code clean_resource_name} only in builders).
 */
public enum Section {
  VARIABLES,
  BUILDER,
  PROVISIONER,
  POST_PROCESSOR
}
