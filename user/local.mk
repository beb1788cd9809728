# user/: the Linux user-mode personality.
noinst_LIBRARIES += libuser.a
libuser_a_SOURCES = \
	user/process.h
