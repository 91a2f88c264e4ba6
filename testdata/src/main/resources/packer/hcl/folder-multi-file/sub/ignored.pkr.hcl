Subfolders are not read, so this syntax error is never seen {
