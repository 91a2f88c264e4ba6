this file is not read when the input is main.pkr.hcl {
