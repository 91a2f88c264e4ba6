source "azure-arm" "x" {}
