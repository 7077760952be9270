/* A disk-fault layer for the reliability tests, preloaded into a child process (LD_PRELOAD).
 *
 * Counts the writes, syncs and truncations made on files whose path starts with FAULT_PATH and fails
 * operation number FAULT_AT (1-based) with errno FAULT_ERRNO (ENOSPC, EIO, EROFS, ...); with FAULT_PERSIST=1
 * every later one fails too. The count of operations seen and of faults injected is written to FAULT_REPORT
 * at exit, so the test knows when N has passed the end of the workload. Built with gcc at test time.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long seen = 0, injected = 0;
static long fault_at = -1;
static int fault_errno = ENOSPC, persist = 0, ready = 0;
static const char *prefix = NULL;

static void report(void) {
    const char *path = getenv("FAULT_REPORT");
    if (!path) return;
    FILE *out = fopen(path, "w");
    if (!out) return;
    fprintf(out, "%ld %ld\n", seen, injected);
    fclose(out);
}

static void setup(void) {
    if (ready) return;
    ready = 1;
    prefix = getenv("FAULT_PATH");
    const char *at = getenv("FAULT_AT");
    const char *code = getenv("FAULT_ERRNO");
    const char *keep = getenv("FAULT_PERSIST");
    if (at) fault_at = atol(at);
    if (code) fault_errno = atoi(code);
    persist = keep && keep[0] == '1';
    atexit(report);
}

/* Whether this call on fd is one of the store's file operations, and whether it must fail. */
static int fails(int fd) {
    char link[64], target[4096];
    setup();
    if (!prefix || fd < 0) return 0;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return 0;
    target[n] = '\0';
    if (strncmp(target, prefix, strlen(prefix)) != 0) return 0;
    seen++;
    if (fault_at > 0 && (seen == fault_at || (persist && seen > fault_at))) {
        injected++;
        errno = fault_errno;
        return 1;
    }
    return 0;
}

#define NEXT(name) static __typeof__(name) *next_##name; if (!next_##name) next_##name = dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t count) {
    NEXT(write);
    if (fails(fd)) return -1;
    return next_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) {
    NEXT(pwrite);
    if (fails(fd)) return -1;
    return next_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset) {
    NEXT(pwrite64);
    if (fails(fd)) return -1;
    return next_pwrite64(fd, buf, count, offset);
}

int fsync(int fd) {
    NEXT(fsync);
    if (fails(fd)) return -1;
    return next_fsync(fd);
}

int fdatasync(int fd) {
    NEXT(fdatasync);
    if (fails(fd)) return -1;
    return next_fdatasync(fd);
}

int ftruncate(int fd, off_t length) {
    NEXT(ftruncate);
    if (fails(fd)) return -1;
    return next_ftruncate(fd, length);
}

int ftruncate64(int fd, off64_t length) {
    NEXT(ftruncate64);
    if (fails(fd)) return -1;
    return next_ftruncate64(fd, length);
}
