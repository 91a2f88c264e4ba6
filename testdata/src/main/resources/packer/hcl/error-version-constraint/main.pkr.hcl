# Packer refuses a required_version go-version cannot parse ("Invalid version constraint"). A
# constraint that names a newer Packer than the one that would run it is valid syntax: the
# converter reads the template as current Packer does, and keeps only its note.
packer {
  required_version = "banana"
}

packer {
  required_version = ">= 99.0.0, < 100"
}

packer {
  required_version = ">= 1.7.0,"
}
