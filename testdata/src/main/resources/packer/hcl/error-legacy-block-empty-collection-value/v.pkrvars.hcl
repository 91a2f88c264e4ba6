packages = ["curl"]
