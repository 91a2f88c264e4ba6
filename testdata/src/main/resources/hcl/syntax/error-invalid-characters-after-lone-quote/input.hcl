source "azure-arm" "a" {
  x = "a" } ' ¤ @
  y = 2
}
