# testsuite/difftest/: differential CPU tester
