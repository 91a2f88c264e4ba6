# Each variable is set by one more step of Packer's precedence than the one before.
variable "a_default" {
  default = "default"
}
variable "b_env" {
  default = "default"
}
variable "c_auto_var_file" {
  default = "default"
}
variable "d_var_file" {
  default = "default"
}
variable "e_command_line" {
  default = "default"
}
variable "f_required" {
  type = string
}
