a = "given hcl"
