a = "\q"
b = "\u12"
c = "\uD83D"
d = "\U00110000"
e = "trailing \
