# Each message as Packer 1.6.6's packer console words it (checked with packer-eval.sh): which check
# a function makes first decides the message when several arguments are wrong.
slice_start_past_length = slice(["a"], 2, 1)
slice_negative_end = slice(["a"], 0, -1)
slice_end_past_length = slice(["a"], 0, 5)
coalesce_nothing = coalesce()
contains_not_a_list = contains("abc", "a")
parseint_fraction_base = parseint("12", 10.5)
parseint_base_out_of_range = parseint("12", 100)
cidrhost_counted_from_end = cidrhost("10.0.0.0/8", -16777217)
cidrhost_last = cidrhost("10.0.0.0/8", -1)
try_nothing = try()
flatten_a_map = flatten({ a = 1 })
