# A credential read from the environment: the default's text is only a name, so
# the note says which variable was read, while the value read stays masked.
variable "client_secret" {
  type      = string
  default   = "${env("ARM_CLIENT_SECRET")}"
  sensitive = true
}

variable "github_token" {
  type    = string
  default = env("GITHUB_TOKEN")
}

# A comment after it may keep an old value: that line stays masked.
variable "storage_key" {
  type      = string
  default   = env("STORAGE_KEY") # was: Old-Value-In-Comment-9876
  sensitive = true
}

# A literal default of a sensitive variable is still masked where it is quoted.
variable "admin_password" {
  type    = string
  default = "Literal-Default-Secret-1"
}

source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
