call = upper("x")
plain = "still fine"
