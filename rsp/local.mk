# rsp/: the protocol engine.
noinst_LIBRARIES += librsp.a
librsp_a_SOURCES = \
	rsp/target.h rsp/conn.h
