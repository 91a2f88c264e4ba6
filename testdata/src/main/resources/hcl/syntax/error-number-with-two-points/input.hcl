image_version = 1.0.0
b = try(1.2.3, "fallback")
c = can(1e5.0)
d = true ? "ok" : 1..2
e = "v${1.2.3}"
