region = "one"
size   = 10
