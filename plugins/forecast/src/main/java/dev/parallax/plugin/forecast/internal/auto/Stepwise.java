package dev.parallax.plugin.forecast.internal.auto;

/**
 * The stepwise walk of {@code auto.arima}, move for move in R's order, including its quirks (the no-constant
 * starting model does not switch the constant off; a move that improves restarts the list of moves).
 */
final class Stepwise {
    private final AutoArima search;
    private final int maxP;
    private final int maxQ;
    private final int maxSP;
    private final int maxSQ;
    private final boolean constantMayChange;
    private boolean constant;
    private int p;
    private int q;
    private int sp;
    private int sq;
    private double bestIc;
    private int k;

    Stepwise(AutoArima search, int maxP, int maxQ, int maxSP, int maxSQ, boolean constant, boolean mayChange) {
        this.search = search;
        this.maxP = maxP;
        this.maxQ = maxQ;
        this.maxSP = maxSP;
        this.maxSQ = maxSQ;
        this.constant = constant;
        this.constantMayChange = mayChange;
    }

    /** Fits the four starting models (and the one without constant). */
    void start(boolean shortSeries) {
        p = Math.min(shortSeries ? 1 : 2, maxP);
        q = Math.min(shortSeries ? 1 : 2, maxQ);
        sp = Math.min(shortSeries ? 0 : 1, maxSP);
        sq = Math.min(shortSeries ? 0 : 1, maxSQ);
        k++;
        bestIc = search.tryModel(p, q, sp, sq, constant);
        k++;
        if (improves(0, 0, 0, 0, constant)) {
            adopt(0, 0, 0, 0);
        }
        if (maxP > 0 || maxSP > 0) {
            int np = maxP > 0 ? 1 : 0;
            int nsp = maxSP > 0 ? 1 : 0;
            k++;
            if (improves(np, 0, nsp, 0, constant)) {
                adopt(np, 0, nsp, 0);
            }
        }
        if (maxQ > 0 || maxSQ > 0) {
            int nq = maxQ > 0 ? 1 : 0;
            int nsq = maxSQ > 0 ? 1 : 0;
            k++;
            if (improves(0, nq, 0, nsq, constant)) {
                adopt(0, nq, 0, nsq);
            }
        }
        if (constant) {
            k++;
            if (improves(0, 0, 0, 0, false)) {
                adopt(0, 0, 0, 0);
            }
        }
    }

    /** Moves while a neighbour improves, until no move is new or {@code nmodels} models were fitted. */
    void run(int nmodels) {
        int startk = 0;
        outer:
        while (startk < k && k < nmodels) {
            startk = k;
            int[][] moves = {
                {0, 0, -1, 0, sp > 0 ? 1 : 0},
                {0, 0, 0, -1, sq > 0 ? 1 : 0},
                {0, 0, 1, 0, sp < maxSP ? 1 : 0},
                {0, 0, 0, 1, sq < maxSQ ? 1 : 0},
                {0, 0, -1, -1, sq > 0 && sp > 0 ? 1 : 0},
                {0, 0, -1, 1, sq < maxSQ && sp > 0 ? 1 : 0},
                {0, 0, 1, -1, sq > 0 && sp < maxSP ? 1 : 0},
                {0, 0, 1, 1, sq < maxSQ && sp < maxSP ? 1 : 0},
                {-1, 0, 0, 0, p > 0 ? 1 : 0},
                {0, -1, 0, 0, q > 0 ? 1 : 0},
                {1, 0, 0, 0, p < maxP ? 1 : 0},
                {0, 1, 0, 0, q < maxQ ? 1 : 0},
                {-1, -1, 0, 0, q > 0 && p > 0 ? 1 : 0},
                {-1, 1, 0, 0, q < maxQ && p > 0 ? 1 : 0},
                {1, -1, 0, 0, q > 0 && p < maxP ? 1 : 0},
                {1, 1, 0, 0, q < maxQ && p < maxP ? 1 : 0}
            };
            for (int[] move : moves) {
                int np = p + move[0];
                int nq = q + move[1];
                int nsp = sp + move[2];
                int nsq = sq + move[3];
                if (move[4] == 0 || search.tried(np, nq, nsp, nsq, constant)) {
                    continue;
                }
                if (++k > nmodels) {
                    break outer;
                }
                if (improves(np, nq, nsp, nsq, constant)) {
                    adopt(np, nq, nsp, nsq);
                    continue outer;
                }
            }
            if (constantMayChange && !search.tried(p, q, sp, sq, !constant)) {
                if (++k > nmodels) {
                    break;
                }
                if (improves(p, q, sp, sq, !constant)) {
                    constant = !constant;
                }
            }
        }
    }

    private boolean improves(int np, int nq, int nsp, int nsq, boolean c) {
        double ic = search.tryModel(np, nq, nsp, nsq, c);
        if (ic < bestIc) {
            bestIc = ic;
            return true;
        }
        return false;
    }

    private void adopt(int np, int nq, int nsp, int nsq) {
        p = np;
        q = nq;
        sp = nsp;
        sq = nsq;
    }
}
