# doc/: manual and man page.
EXTRA_DIST += doc/target-descriptions.md
