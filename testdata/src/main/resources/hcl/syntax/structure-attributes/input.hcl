# Attributes of every literal kind, one per line.
name    = "ubuntu"
count   = 3
ratio   = 0.75
enabled = true
off     = false
nothing = null
