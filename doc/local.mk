# doc/: manual and man page.
