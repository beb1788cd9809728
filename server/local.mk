# server/: the program.
bin_PROGRAMS += backstep
backstep_SOURCES = \
	server/main.c
backstep_LDADD = librsp.a libxmlfeatures.a libuser.a libhw.a libcpu.a \
	$(GLIB_LIBS) $(EXPAT_LIBS) $(READLINE_LIBS) -lm
