# testsuite/fuzz/: fuzz targets (owned by the fuzz work)
