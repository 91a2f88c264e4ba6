source "amazon-ebs" "aws" {
  region = "eu-west-1"
}

build {
  sources = ["source.amazon-ebs.aws"]
}
