a = "\q"
b = "\u12"
c = "\uD83D"
d = "\U00110000"
f = "\U99999999"
e = "trailing \
