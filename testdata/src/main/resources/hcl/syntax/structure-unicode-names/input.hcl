héllo = 1
名前 = "値"
dash-name = 2
_private = 3
emoji = "😀 after"
after = x.ünïcode
