import java.util.*;

/** Chameneos-style rendezvous: creatures meet in pairs at one meeting place (synchronized/wait/notify), change
 * colour by the rule, and count meetings; the totals printed do not depend on the interleaving. */
public class MeetInPairs {
    enum Colour { BLUE, RED, YELLOW }

    static Colour complement(Colour a, Colour b) {
        if (a == b) return a;
        return switch (a) {
            case BLUE -> b == Colour.RED ? Colour.YELLOW : Colour.RED;
            case RED -> b == Colour.BLUE ? Colour.YELLOW : Colour.BLUE;
            case YELLOW -> b == Colour.BLUE ? Colour.RED : Colour.BLUE;
        };
    }

    static final class MeetingPlace {
        private int meetingsLeft;
        private Creature waiting;
        private Colour partnerColour;
        MeetingPlace(int n) { meetingsLeft = n; }

        synchronized Colour meet(Creature c) throws InterruptedException {
            while (waiting != null && partnerColour != null) wait();
            if (meetingsLeft == 0) return null;
            if (waiting == null) {
                waiting = c;
                partnerColour = null;
                while (partnerColour == null && meetingsLeft > 0) wait();
                Colour other = partnerColour;
                waiting = null;
                partnerColour = null;
                notifyAll();
                return other;
            }
            Colour other = waiting.colour;
            partnerColour = c.colour;
            meetingsLeft--;
            c.metSelf |= waiting == c;
            notifyAll();
            return other;
        }

        synchronized void finish() { meetingsLeft = 0; notifyAll(); }
    }

    static final class Creature extends Thread {
        final MeetingPlace place;
        Colour colour;
        int meetings;
        boolean metSelf;
        Creature(MeetingPlace place, Colour colour) { this.place = place; this.colour = colour; }

        @Override public void run() {
            try {
                Colour other;
                while ((other = place.meet(this)) != null) {
                    colour = complement(colour, other);
                    meetings++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        for (Colour a : Colour.values()) for (Colour b : Colour.values()) System.out.println(a + " + " + b + " -> " + complement(a, b));
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        MeetingPlace place = new MeetingPlace(n);
        List<Creature> cs = new ArrayList<>();
        for (Colour c : new Colour[] {Colour.BLUE, Colour.RED, Colour.YELLOW, Colour.RED}) cs.add(new Creature(place, c));
        for (Creature c : cs) c.start();
        for (Creature c : cs) c.join(60_000);
        int total = 0;
        for (Creature c : cs) total += c.meetings;
        System.out.println("meetings counted twice: " + total + " (expected " + 2 * n + ")");
        System.out.println("anyone met itself: " + cs.stream().anyMatch(c -> c.metSelf));
    }
}
