/* The demo program the README starts under backstep: small, and pleasant
 * to step through. It sieves the primes below 100, prints them, then
 * reverses a word in place and checks whether it is a palindrome.
 *
 * Try: break sieve, finish, watch primes_found, step into reverse(). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define LIMIT 100

static bool composite[LIMIT];
int primes_found;

/* Marks the composites below LIMIT; returns how many primes remain. */
int sieve(void)
{
    int count = 0;
    for (int n = 2; n < LIMIT; n++) {
        if (composite[n])
            continue;
        count++;
        for (int multiple = n * n; multiple < LIMIT; multiple += n)
            composite[multiple] = true;
    }
    return count;
}

void print_primes(void)
{
    printf("primes below %d:", LIMIT);
    for (int n = 2; n < LIMIT; n++)
        if (!composite[n])
            printf(" %d", n);
    printf("\n");
}

/* Reverses s in place, swapping from both ends towards the middle. */
void reverse(char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len / 2; i++) {
        char tmp = s[i];
        s[i] = s[len - 1 - i];
        s[len - 1 - i] = tmp;
    }
}

bool is_palindrome(const char *word)
{
    char copy[32];
    snprintf(copy, sizeof copy, "%s", word);
    reverse(copy);
    return strcmp(copy, word) == 0;
}

int main(void)
{
    primes_found = sieve();
    print_primes();
    printf("%d primes found\n", primes_found);

    const char *words[] = { "level", "backstep", "racecar" };
    for (int i = 0; i < 3; i++)
        printf("%-8s %s a palindrome\n", words[i],
               is_palindrome(words[i]) ? "is" : "is not");
    return 0;
}
