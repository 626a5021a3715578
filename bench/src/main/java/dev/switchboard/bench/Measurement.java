package dev.switchboard.bench;

/**
 * What the sockets report during one measured run, routed to that run's histograms: arrivals at receivers
 * (end to end), {@code sent} answers to senders (stored on the sender's instance), and answers pushed to offer
 * owners. The benchmark swaps in a fresh one per run, so late arrivals of one run never count in the next.
 */
final class Measurement implements ScalingSocket.Arrivals {
    final Stats delivered = new Stats();
    final Stats stored = new Stats();

    @Override
    public void signal(long sendNanos) {
        delivered.relayed(System.nanoTime() - sendNanos);
    }

    @Override
    public void stored(long sendNanos) {
        stored.relayed(System.nanoTime() - sendNanos);
    }

    @Override
    public void answer(long sendNanos) {
        delivered.relayed(System.nanoTime() - sendNanos);
    }

    @Override
    public void failed(String what) {
        delivered.failed(what);
    }

    @Override
    public void closed(int status, String reason) {
        delivered.closed(status, reason);
    }

    /** Forwards to whichever measurement is current, so sockets opened once serve every run. */
    static final class Current implements ScalingSocket.Arrivals {
        private volatile Measurement current = new Measurement();

        Measurement start() {
            Measurement fresh = new Measurement();
            current = fresh;
            return fresh;
        }

        @Override
        public void signal(long sendNanos) {
            current.signal(sendNanos);
        }

        @Override
        public void stored(long sendNanos) {
            current.stored(sendNanos);
        }

        @Override
        public void answer(long sendNanos) {
            current.answer(sendNanos);
        }

        @Override
        public void failed(String what) {
            current.failed(what);
        }

        @Override
        public void closed(int status, String reason) {
            current.closed(status, reason);
        }
    }
}
