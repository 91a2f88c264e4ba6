region = "two"
