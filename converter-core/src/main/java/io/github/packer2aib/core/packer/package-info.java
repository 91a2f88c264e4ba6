/**
 * The Packer model: the intermediate model between every Packer front end (HCL2, HCL JSON, legacy
 * JSON and its YAML form) and the Packer → AIB mapper. Records only, with evaluated values and the
 * ranges the mapper needs for its diagnostics; no Jackson annotations (those live on the AIB model).
 */
package io.github.packer2aib.core.packer;
