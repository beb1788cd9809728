/* One debugger connection: framing, acks, and the command table.
 *
 * The owner (server/) feeds it the bytes received from the socket and gives
 * it a function to send bytes back. It dispatches each packet to the target
 * through struct rsp_target. When the target stops after a resume, the owner
 * calls rsp_conn_report_stop() and the stop reply is sent.
 */
#ifndef BACKSTEP_RSP_CONN_H
#define BACKSTEP_RSP_CONN_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "rsp/target.h"

struct rsp_conn;

/* Send len bytes to the debugger. */
typedef void (*rsp_send_fn)(void *opaque, const uint8_t *data, size_t len);

struct rsp_conn *rsp_conn_new(struct rsp_target *target, rsp_send_fn send,
                              void *send_opaque);
void rsp_conn_free(struct rsp_conn *conn);

/* Bytes from the debugger, any amount, packets may be split anywhere. */
void rsp_conn_feed(struct rsp_conn *conn, const uint8_t *data, size_t len);

/* True once if a Ctrl-C came in the same read as the packet being
 * handled, after it: a long command (bc, `monitor goto`) that polls for
 * interrupts takes it here, since it is not in the socket any more. The
 * taken byte then interrupts nothing else. */
bool rsp_conn_take_interrupt(struct rsp_conn *conn);

/* The target stopped after resume(): send the stop reply. In non-stop
 * mode (QNonStop:1) one thread stopped, or one process ended, while
 * others may run: the stop is queued and the debugger notified (%Stop,
 * then vStopped); call it for each such stop. */
void rsp_conn_report_stop(struct rsp_conn *conn, const struct rsp_stop *stop);

/* True while the target is running (an all-stop resume is outstanding;
 * never in non-stop mode, where packets are served while threads run). */
bool rsp_conn_target_running(const struct rsp_conn *conn);

/* True after D, k or vKill was handled: the owner should close the
 * connection once pending output is sent. */
bool rsp_conn_finished(const struct rsp_conn *conn);

#endif
