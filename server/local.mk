# server/: the program: options, machine construction, the debugger's
# socket and the RSP target built on a machine.
bin_PROGRAMS += backstep
backstep_SOURCES = \
	server/main.c \
	server/machine.h server/machine-user.c \
	server/gdb-server.h server/gdb-server.c \
	server/gdb-target.h server/gdb-target.c \
	server/gdb-regs.h server/gdb-regs.c \
	server/gdb-signals.h server/gdb-signals.c \
	server/monitor.h server/monitor.c
backstep_LDADD = librsp.a libxmlfeatures.a libuser.a libhw.a libcpu.a \
	$(GLIB_LIBS) $(EXPAT_LIBS) $(READLINE_LIBS) -lm
