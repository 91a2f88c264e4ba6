# Syntax errors stop the load: this unknown block is not reported.
resource "x" "y" {}
