variable "1st" {
  default = 1
}

local "has space" {
  expression = 1
}
