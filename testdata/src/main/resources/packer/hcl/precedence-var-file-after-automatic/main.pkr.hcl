# The folder's automatic var files (HCL, then JSON) come before the --var-file ones, so a
# --var-file in HCL wins over an automatic JSON var file (mapping.md D.2 and current Packer; Packer
# 1.6.6 to 1.11 read every HCL file before every JSON one, and the JSON file won).
variable "a" {
  default = "default"
}
variable "b" {
  default = "default"
}
