a = "%{ 1 }"
b = "%{ fi x }"
c = "%{ foo }"
