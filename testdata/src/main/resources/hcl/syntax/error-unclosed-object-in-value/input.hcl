locals {
  f = {k = 1, v
  g = 2
}

build {
  name = "x"
}
