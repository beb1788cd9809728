/* The string and memory functions, at every source and destination
 * alignment and every length 0..300: glibc's hand-written AdvSIMD
 * versions (chosen by HWCAP, so backstep and qemu may run different
 * ones; the results must agree anyway). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

#define MAXLEN 300
static unsigned char src_buf[MAXLEN + 64], dst_buf[MAXLEN + 128];

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(((i + seed) * 2654435761u) >> 13) | 1;   /* no zeros */
}

int main(void)
{
    uint64_t hcpy = PROG_HASH_INIT, hmove = PROG_HASH_INIT, hset = PROG_HASH_INIT;
    uint64_t hcmp = PROG_HASH_INIT, hstr = PROG_HASH_INIT, hchr = PROG_HASH_INIT;
    for (unsigned sa = 0; sa < 16; sa++) {
        for (unsigned da = 0; da < 16; da++) {
            for (size_t len = 0; len <= MAXLEN; len += (len < 70 ? 1 : 7)) {
                unsigned char *s = src_buf + sa, *d = dst_buf + da + 16;
                fill(src_buf, len + sa + 8, (unsigned)(sa + len));
                memset(dst_buf, 0xee, len + da + 40);
                memcpy(d, s, PROG_OPAQUE(len));
                prog_hash(&hcpy, dst_buf, len + da + 40);

                /* Overlapping moves both ways. */
                memmove(d + (len % 5), d, len);
                memmove(d, d + (len % 3), len);
                prog_hash(&hmove, dst_buf, len + da + 40);

                memset(d, (int)(len & 0xff), PROG_OPAQUE(len));
                prog_hash(&hset, dst_buf, len + da + 40);

                if (da == sa % 4) {
                    memcpy(d, s, len);
                    int c0 = memcmp(d, s, len);
                    if (len) {
                        d[len - 1] ^= 0x80;
                        int c1 = memcmp(d, s, len);
                        int c2 = memcmp(s, d, len);
                        d[len / 2] = (unsigned char)(d[len / 2] + 1);
                        int c3 = memcmp(d, s, len);
                        prog_hash_u64(&hcmp, (uint64_t)((c1 > 0) - (c1 < 0)) * 3 +
                                                 (uint64_t)((c2 > 0) - (c2 < 0)) * 9 +
                                                 (uint64_t)((c3 > 0) - (c3 < 0)));
                    }
                    prog_hash_u64(&hcmp, (uint64_t)c0);

                    /* NUL-terminated: strlen, strcpy, strcmp, strncmp, strcat. */
                    s[len] = 0;
                    size_t n = strlen((char *)s);
                    strcpy((char *)d, (char *)s);
                    int e = strcmp((char *)d, (char *)s);
                    if (len > 1)
                        d[len - 2] = 1;
                    int lt = strcmp((char *)d, (char *)s);
                    int nc = strncmp((char *)d, (char *)s, len / 2);
                    prog_hash_u64(&hstr, n * 7 + (uint64_t)(e != 0) + (uint64_t)(lt < 0) * 2 +
                                             (uint64_t)(nc != 0) * 4);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
                    strncpy((char *)d, (char *)s, len / 3);   /* truncates on purpose */
#pragma GCC diagnostic pop
                    d[len / 3] = 0;
                    strcat((char *)d, "tail");
                    prog_hash(&hstr, d, strlen((char *)d));
                    s[len] = 1;

                    /* Searching: memchr, strchr, strrchr, memrchr, strstr. */
                    unsigned char want = s[len * 3 / 4];
                    s[len] = 0;
                    const unsigned char *m = memchr(s, want, len);
                    const char *c = strchr((char *)s, want);
                    const char *r = strrchr((char *)s, want);
                    const char *z = strchr((char *)s, 0);
                    const char *sub = len > 8 ? strstr((char *)s, (char *)s + len - 4) : NULL;
                    prog_hash_u64(&hchr, (uint64_t)(m ? m - s : -1));
                    prog_hash_u64(&hchr, (uint64_t)(c ? c - (char *)s : -1));
                    prog_hash_u64(&hchr, (uint64_t)(r ? r - (char *)s : -1));
                    prog_hash_u64(&hchr, (uint64_t)(z - (char *)s));
                    prog_hash_u64(&hchr, (uint64_t)(sub ? sub - (char *)s : -1));
                    s[len] = 1;
                }
            }
        }
    }
    printf("memcpy %016llx\nmemmove %016llx\nmemset %016llx\n", (unsigned long long)hcpy,
           (unsigned long long)hmove, (unsigned long long)hset);
    printf("memcmp %016llx\nstr %016llx\nsearch %016llx\n", (unsigned long long)hcmp,
           (unsigned long long)hstr, (unsigned long long)hchr);

    char text[128];
    snprintf(text, sizeof text, "the quick brown fox jumps over the lazy dog");
    printf("strspn %zu strcspn %zu strpbrk %s\n", strspn(text, "the "), strcspn(text, "xyz"),
           strpbrk(text, "jq"));
    char *save, *tok = strtok_r(text, " ", &save);
    int words = 0;
    while (tok) {
        words++;
        tok = strtok_r(NULL, " ", &save);
    }
    printf("words %d strnlen %zu\n", words, strnlen("abcdef", 4));
    return 0;
}
