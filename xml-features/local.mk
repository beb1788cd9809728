# xml-features/: target-description XML and its expat loader.
noinst_LIBRARIES += libxmlfeatures.a
libxmlfeatures_a_SOURCES = \
	xml-features/tdesc.h
