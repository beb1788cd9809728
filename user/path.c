/* Where a guest path is on the host: the guest root (-L / --sysroot).
 *
 * Like qemu-aarch64 -L, an absolute path is looked up under the guest
 * root first and used from there when something exists there; otherwise
 * the host's own file at that path is used. So the guest finds its
 * interpreter and libraries in the cross root (/lib/libc.so.6 is
 * /usr/aarch64-linux-gnu/lib/libc.so.6) and everything else (/etc, /tmp,
 * /dev, the program's own files) where it is on the host. Relative paths
 * are the host's, from the host's working directory.
 *
 * /proc/self/exe and /proc/PID/exe name the program, not backstep.
 *
 * Every path-taking system call and the debugger's vFile requests resolve
 * through here, so the guest and its debugger always agree on which file
 * a name means. */
#include "config.h"

#include "user/user-internal.h"

#include <string.h>
#include <sys/stat.h>

char *user_path_under_root(const char *root, const char *path)
{
    if (root && root[0] && path[0] == '/') {
        char *inside = g_build_filename(root, path, NULL);
        struct stat st;
        /* lstat: a symbolic link in the root counts, even a dangling
         * one, so the guest sees the root's own view of that name. */
        if (lstat(inside, &st) == 0)
            return inside;
        g_free(inside);
    }
    return g_strdup(path);
}

bool user_path_is_self_exe(int64_t pid, const char *path)
{
    if (strcmp(path, "/proc/self/exe") == 0)
        return true;
    char own[64];
    g_snprintf(own, sizeof(own), "/proc/%" G_GINT64_FORMAT "/exe", pid);
    return strcmp(path, own) == 0;
}

char *user_path_resolve(const struct user_process *p, const char *path)
{
    if (user_path_is_self_exe(p->pid, path))
        return g_strdup(p->exe);
    return user_path_under_root(p->sysroot, path);
}

char *user_process_host_path(const struct user_process *p, const char *path)
{
    return user_path_resolve(p, path);
}
