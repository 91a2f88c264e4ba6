# Packer reads every HCL var file (automatic ones, then --var-file ones) before every JSON var
# file: a --var-file in HCL is overridden by an automatic JSON var file.
variable "a" {
  default = "default"
}
variable "b" {
  default = "default"
}
