a = 1 @ 2
b = 2
c = "ok" ﻿
