variable "name" {
  type        = string
  default     = "web"
  description = "The image name."
}

variable "count" {
  type    = number
  default = "3"
}

variable "enabled" {
  type    = bool
  default = "true"
}

variable "regions" {
  type    = list(string)
  default = ["westeurope", "northeurope"]
}

variable "unique" {
  type    = set(string)
  default = ["b", "a", "b"]
}

variable "tags" {
  type    = map(string)
  default = { owner = "platform", cost = 42 }
}

variable "disk" {
  type = object({
    size    = number
    caching = optional(string, "ReadWrite")
    sku     = optional(string)
  })
  default = { size = 64 }
}

variable "pair" {
  type    = tuple([string, number])
  default = ["a", 1]
}

variable "anything" {
  type    = any
  default = { nested = [1, "two", true] }
}

variable "inferred" {
  default = 10
}

variable "nothing" {
  type    = string
  default = null
}

variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

variable "from_env" {
  default = env("HOME_REGION")
}
