locals {
  a = upper("z"
  b = "ok"
}

locals {
  c = [1, 2
}

locals {
  d = (1 + 2
  e = [for s in ["x"] : s
}

build {
  name = "x" "y"
}
