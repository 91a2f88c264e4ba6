locals {
  a = local.b
  b = "${local.c}-b"
  c = upper(local.a)
  d = local.d
  e = local.a
  f = "fine"
}
