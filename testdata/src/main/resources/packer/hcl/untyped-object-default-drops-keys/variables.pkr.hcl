# A variable without a type takes its default's: an object default keeps only its own keys of a
# value given for it, as in Packer 1.6.6 (var.tags is { owner = "platform" } after the var file
# below); the keys dropped are named at the value that had them (PKR-W034), never the values.
variable "tags" {
  default = { owner = "platform" }
}

# Nested objects lose keys at any depth; the values' types do not unify, so the advice is the
# value's own object type.
variable "network" {
  default = { vnet = "v", subnet = { name = "s" } }
}

# From --var, PKR_VAR_ and a settings file alike.
variable "labels" {
  default = { team = "images" }
}

variable "env_labels" {
  default = { team = "images" }
}

variable "settings_labels" {
  default = { team = "images" }
}

# A sensitive one: its keys are named (as a sensitive map's keys are shown), never its values.
variable "secret_tags" {
  default   = { owner = "sec-team-7" }
  sensitive = true
}

# Not warned: a written type keeps what it says, and a value with no key beyond the default's
# loses nothing.
variable "typed" {
  type    = map(string)
  default = { owner = "platform" }
}

variable "same" {
  default = { owner = "platform" }
}

# A variables block has no place for a type: the advice is a variable block of its own.
variables {
  block_tags = { owner = "platform" }
}
