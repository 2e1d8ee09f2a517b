package dev.uffdgc.samples;

import static dev.uffdgc.samples.Showcase.say;

import java.util.Arrays;

/** Arrays of every element type, multi-dimensional and jagged arrays, instanceof and checkcast on arrays. */
final class ShowcaseArrays {
    private ShowcaseArrays() {}

    static void run() {
        defaults();
        multiDimensional();
        arrayTypes();
    }

    static void defaults() {
        boolean[] z = new boolean[2];
        byte[] b = {(byte) 0x80, 127};
        short[] s = {(short) 40000, -1};
        char[] c = {'h', 'i', 0x263A};
        float[] f = new float[1];
        Object[] o = new Object[1];
        say("defaults " + z[1] + " " + f[0] + " " + o[0] + " bytes " + b[0] + "," + b[1] + " shorts " + s[0]
                + " chars " + (int) c[2] + " " + c.length + " " + Arrays.toString(new double[2]));
    }

    static void multiDimensional() {
        int[][] grid = new int[3][4];
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                grid[i][j] = i * 10 + j;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int[] row : grid) {
            sb.append(Arrays.toString(row));
        }
        say("grid " + sb);

        long[][][] cube = new long[2][3][4];
        cube[1][2][3] = Long.MAX_VALUE;
        long sum = 0;
        for (long[][] plane : cube) {
            for (long[] line : plane) {
                for (long v : line) {
                    sum += v == Long.MAX_VALUE ? 1 : v + 1;
                }
            }
        }
        say("cube " + cube.length + "x" + cube[0].length + "x" + cube[0][0].length + " sum " + sum);

        int[][] jagged = new int[4][];
        for (int i = 0; i < jagged.length; i++) {
            jagged[i] = new int[i];
            Arrays.fill(jagged[i], i);
        }
        sb.setLength(0);
        for (int[] row : jagged) {
            sb.append(Arrays.toString(row));
        }
        String[][] names = {{"a", "b"}, {}, {"c"}};
        char[][] empty = new char[0][5];
        double[][] partial = new double[2][];
        say("jagged " + sb + " names " + names[2][0] + names[0].length + names[1].length + " empty " + empty.length
                + " partial " + (partial[1] == null));
    }

    static String kind(Object o) {
        StringBuilder sb = new StringBuilder(o.getClass().getName());
        sb.append(o instanceof Object[] ? " Object[]" : "");
        sb.append(o instanceof String[] ? " String[]" : "");
        sb.append(o instanceof Comparable[] ? " Comparable[]" : "");
        sb.append(o instanceof CharSequence[] ? " CharSequence[]" : "");
        sb.append(o instanceof Integer[] ? " Integer[]" : "");
        sb.append(o instanceof Number[] ? " Number[]" : "");
        sb.append(o instanceof int[] ? " int[]" : "");
        sb.append(o instanceof int[][] ? " int[][]" : "");
        sb.append(o instanceof Object[][] ? " Object[][]" : "");
        sb.append(o instanceof Cloneable ? " Cloneable" : "");
        sb.append(o instanceof Runnable[] ? " Runnable[]" : "");
        return sb.toString();
    }

    static void arrayTypes() {
        Object[] samples = {
            new String[1], new Integer[1], new int[1], new int[1][1], new String[1][1], new Runnable[0],
            new ShowcaseClasses.Point[0], new long[0][0][0], new boolean[0], "not an array",
        };
        for (Object o : samples) {
            say("kind " + kind(o));
        }
        Object strings = new String[] {"x", "y"};
        Object[] asObjects = (Object[]) strings;
        Comparable<?>[] asComparable = (Comparable<?>[]) strings;
        say("casts " + asObjects.length + " " + asComparable[1]);
        Object ints = new int[] {1};
        try {
            Object[] bad = (Object[]) ints;
            say("unexpected " + bad.length);
        } catch (ClassCastException e) {
            say("int[] to Object[] threw " + e.getClass().getName());
        }
        Object numbers = new Integer[] {1, 2};
        try {
            String[] bad = (String[]) numbers;
            say("unexpected " + bad.length);
        } catch (ClassCastException e) {
            say("Integer[] to String[] threw " + e.getClass().getName());
        }
        Number[] covariant = new Integer[] {3, 4};
        try {
            covariant[0] = Long.valueOf(5);
        } catch (ArrayStoreException e) {
            say("covariant store threw " + e.getClass().getName() + ", still " + covariant[0]);
        }
    }
}
