unknown = vat.name
no_suggestion = xyzzy
root = local
path = path.root
