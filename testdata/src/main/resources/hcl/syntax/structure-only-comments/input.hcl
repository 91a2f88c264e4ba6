# nothing here

/* or here */
