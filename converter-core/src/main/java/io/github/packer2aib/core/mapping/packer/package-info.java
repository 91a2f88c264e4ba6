/**
 * The Packer → AIB mapper: {@link io.github.packer2aib.core.mapping.packer.PackerMapper#map} turns
 * the Packer model (from any Packer front end) into one AIB image template per (build × azure-arm
 * source usage), following {@code docs/mapping.md} (Part 1 decides; Part 2 is the field reference).
 *
 * <ul>
 *   <li>{@code PackerMapper}: units of output, their names, {@code --only}/{@code --except}; {@code
 *       UnitMapper}: one usage → one template.
 *   <li>{@code AzureArmMapper} and {@code DroppedFields}: the builder's fields → location, tags,
 *       source, distribute targets, build VM; every other field dropped or refused with a reason.
 *   <li>{@code Provisioners}: {@code only}/{@code except}/{@code override}, common fields, the
 *       trailing generalization step; one class per provisioner family ({@code ShellProvisioner},
 *       {@code PowerShellProvisioner}, {@code FileProvisioner}, {@code WindowsProvisioners}).
 *   <li>{@code Fields}: reads HCL blocks and legacy JSON objects alike, refuses unknown and
 *       sensitive values where they would be copied, remembers what was read so leftovers are
 *       reported; {@code Secrets} names the sensitive variable behind a value without showing it.
 *   <li>{@code ShellText}/{@code PowerShellText}: quoting and byte-exact file writes; {@code
 *       ExecuteCommand}: what a shell {@code execute_command} does (sudo, interpreter).
 * </ul>
 *
 * <p>Nothing here throws for bad input: every problem is a located diagnostic ({@link
 * io.github.packer2aib.core.mapping.packer.PackerMapCode}), and a usage with an error yields no
 * template. Sensitive values never reach a template or a message.
 */
package io.github.packer2aib.core.mapping.packer;
