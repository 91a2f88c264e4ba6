/**
 * The Packer model as JSON ({@link io.github.packer2aib.core.packer.json.PackerModelJson}), written
 * with Jackson's streaming generator: what {@code packer2aib inspect} prints.
 */
package io.github.packer2aib.core.packer.json;
