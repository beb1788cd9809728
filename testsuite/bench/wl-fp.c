/* Benchmark workload: scalar double-precision floating point. The n-body
 * simulation (five bodies; sqrt and division) and a small matrix
 * multiply, compiled without vectorisation so scalar FP dominates. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define NBODY 5
#define MAT 48

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static void advance(struct body *b, double dt)
{
    for (int i = 0; i < NBODY; i++) {
        for (int j = i + 1; j < NBODY; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y;
            double dz = b[i].z - b[j].z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            b[i].vx -= dx * b[j].mass * mag;
            b[i].vy -= dy * b[j].mass * mag;
            b[i].vz -= dz * b[j].mass * mag;
            b[j].vx += dx * b[i].mass * mag;
            b[j].vy += dy * b[i].mass * mag;
            b[j].vz += dz * b[i].mass * mag;
        }
    }
    for (int i = 0; i < NBODY; i++) {
        b[i].x += dt * b[i].vx;
        b[i].y += dt * b[i].vy;
        b[i].z += dt * b[i].vz;
    }
}

static double energy(const struct body *b)
{
    double e = 0;
    for (int i = 0; i < NBODY; i++) {
        e += 0.5 * b[i].mass *
             (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < NBODY; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y;
            double dz = b[i].z - b[j].z;
            e -= b[i].mass * b[j].mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    struct body b[NBODY] = {
        { 0, 0, 0, 0, 0, 0, 39.47841760435743 },
        { 4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037 },
        { 8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011 },
        { 12.89, -15.11, -0.22, 1.08, 0.868, -0.01, 0.0017 },
        { 15.37, -25.91, 0.179, 0.979, 0.594, -0.034, 0.002 },
    };
    static double m1[MAT][MAT], m2[MAT][MAT], m3[MAT][MAT];
    double trace = 0;

    for (int i = 0; i < 30000 * scale; i++)
        advance(b, 0.01);
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++) {
            m1[i][j] = (i + 1.0) / (j + 2.0);
            m2[i][j] = (i - j) * 0.25;
        }
    for (int r = 0; r < 3 * scale; r++) {
        for (int i = 0; i < MAT; i++)
            for (int j = 0; j < MAT; j++) {
                double s = 0;
                for (int k = 0; k < MAT; k++)
                    s += m1[i][k] * m2[k][j];
                m3[i][j] = s;
            }
        for (int i = 0; i < MAT; i++)
            trace += m3[i][i];
        m1[r % MAT][r % MAT] += 1.0;
    }
    printf("fp: energy %.9f trace %.6f\n", energy(b), trace);
    return 0;
}
