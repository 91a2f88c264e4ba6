variable "x" {
  default = "unterminated
}
