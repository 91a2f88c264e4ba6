variable "ok" {
  default = "${env("HOME_REGION")}-${env("UNSET_VARIABLE")}"
}

variable "file" {
  default = file("x.txt")
}

variable "nested" {
  default = env(upper("home_region"))
}

variable "arity" {
  default = env()
}

variable "not_a_string" {
  default = env(["HOME"])
}

variable "reference" {
  default = var.ok
}
