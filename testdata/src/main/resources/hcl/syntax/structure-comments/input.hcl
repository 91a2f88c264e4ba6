# hash comment
// double-slash comment
/* block comment */ a = 1 # trailing hash
b = 2 // trailing slashes
/*
   a block comment
   over several lines
*/
c = [
  1, # inside a tuple
  /* inline */ 2,
]
d = /* before the value */ "x"
e = 3 # no newline at the end of the file