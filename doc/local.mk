# doc/: manual and man page.
dist_man1_MANS += doc/backstep.1
EXTRA_DIST += doc/target-descriptions.md doc/manual.md doc/protocol.md doc/design.md
EXTRA_DIST += doc/performance.md doc/security.md doc/difftest.md
EXTRA_DIST += doc/time-travel.md
