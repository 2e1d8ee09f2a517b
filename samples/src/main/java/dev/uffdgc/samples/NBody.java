package dev.uffdgc.samples;

/**
 * The benchmarks-game n-body simulation of the Jovian planets, written with an immutable vector record so the
 * double arithmetic also allocates: every interaction makes a few short-lived {@code Vec3}s. The operation
 * order matches the reference program, so 1000 steps print the reference energies -0.169075164 and
 * -0.169087605.
 *
 * <p>Usage: {@code NBody [steps]} (default 20000).
 */
public final class NBody {
    private static final double PI = 3.141592653589793;
    private static final double SOLAR_MASS = 4 * PI * PI;
    private static final double DAYS_PER_YEAR = 365.24;

    record Vec3(double x, double y, double z) {
        Vec3 plus(Vec3 o) {
            return new Vec3(x + o.x, y + o.y, z + o.z);
        }

        Vec3 minus(Vec3 o) {
            return new Vec3(x - o.x, y - o.y, z - o.z);
        }

        /** {@code this * a * b}, multiplied left to right like the reference program. */
        Vec3 times(double a, double b) {
            return new Vec3(x * a * b, y * a * b, z * a * b);
        }

        double dot(Vec3 o) {
            return x * o.x + y * o.y + z * o.z;
        }
    }

    static final class Body {
        Vec3 pos;
        Vec3 vel;
        final double mass;

        Body(double x, double y, double z, double vx, double vy, double vz, double mass) {
            this.pos = new Vec3(x, y, z);
            this.vel = new Vec3(vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR);
            this.mass = mass * SOLAR_MASS;
        }
    }

    static Body[] jovianSystem() {
        return new Body[] {
            new Body(0, 0, 0, 0, 0, 0, 1),
            new Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                    1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
                    9.54791938424326609e-04),
            new Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                    -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
                    2.85885980666130812e-04),
            new Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                    2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
                    4.36624404335156298e-05),
            new Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                    2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
                    5.15138902046611451e-05),
        };
    }

    /** Gives the sun the opposite of the planets' momentum so the system's centre of mass stays put. */
    static void offsetMomentum(Body[] bodies) {
        double px = 0, py = 0, pz = 0;
        for (Body b : bodies) {
            px += b.vel.x() * b.mass;
            py += b.vel.y() * b.mass;
            pz += b.vel.z() * b.mass;
        }
        bodies[0].vel = new Vec3(-px / SOLAR_MASS, -py / SOLAR_MASS, -pz / SOLAR_MASS);
    }

    static void advance(Body[] bodies, double dt) {
        for (int i = 0; i < bodies.length; i++) {
            Body bi = bodies[i];
            for (int j = i + 1; j < bodies.length; j++) {
                Body bj = bodies[j];
                Vec3 d = bi.pos.minus(bj.pos);
                double dsq = d.dot(d);
                double mag = dt / (dsq * Math.sqrt(dsq));
                bi.vel = bi.vel.minus(d.times(bj.mass, mag));
                bj.vel = bj.vel.plus(d.times(bi.mass, mag));
            }
        }
        for (Body b : bodies) {
            b.pos = b.pos.plus(b.vel.times(dt, 1.0));
        }
    }

    static double energy(Body[] bodies) {
        double e = 0;
        for (int i = 0; i < bodies.length; i++) {
            Body bi = bodies[i];
            e += 0.5 * bi.mass * bi.vel.dot(bi.vel);
            for (int j = i + 1; j < bodies.length; j++) {
                Vec3 d = bi.pos.minus(bodies[j].pos);
                e -= (bi.mass * bodies[j].mass) / Math.sqrt(d.dot(d));
            }
        }
        return e;
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        Body[] bodies = jovianSystem();
        offsetMomentum(bodies);
        System.out.println(String.format("%.9f", energy(bodies)));
        for (int i = 0; i < steps; i++) {
            advance(bodies, 0.01);
        }
        System.out.println(String.format("%.9f", energy(bodies)));
        for (int i = 0; i < bodies.length; i++) {
            Vec3 p = bodies[i].pos;
            System.out.printf("body %d at %.6f %.6f %.6f\n", i, p.x(), p.y(), p.z());
        }
    }
}
