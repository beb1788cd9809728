# testsuite/: unit tests (GTest), guest programs, DejaGnu suites.
