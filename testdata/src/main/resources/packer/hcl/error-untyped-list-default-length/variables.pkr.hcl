# A variable without a type takes its default's: a list default makes it a tuple of exactly as
# many elements (Packer 1.6.6 too), so a longer list is refused as "tuple required"; the error says
# where the type came from and to declare a list type.
variable "packages" {
  default = ["curl"]
}

# From --var as well, and for a shorter list.
variable "zones" {
  default = ["1", "2"]
}

variable "ports" {
  default = [22, 80]
}

# As long as the default: what is wrong is an element, which the error says alone.
variable "pair" {
  default = ["a", "b"]
}

# A written tuple type says what it holds: no advice.
variable "typed" {
  type    = tuple([string])
  default = ["a"]
}
