a = [for v in list : upper(v)]
b = [for i, v in list : v if i < 2]
c = {for k, v in map : k => v}
d = {for k, v in map : v => k...}
e = {for k, v in map : k => v if v != null}
f = [
  for v in list :
  v
  if v
]
g = {
  # a comment before for
  for k in keys : k => true
}
h = [for v in c ? a : b : v]
