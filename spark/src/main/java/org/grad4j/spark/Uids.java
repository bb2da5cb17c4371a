package org.grad4j.spark;

/**
 * Hands a uid to a Spark ML stage written in Java while its superclasses' constructors run. Scala
 * stages take their uid as a constructor parameter, set before the inherited params are created;
 * a Java subclass can only set its field after {@code super()}, so the uid waits here, per thread,
 * from {@link #stash} (evaluated as the argument of {@code this(...)}) to {@link Token#take}.
 */
final class Uids {
    private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

    private Uids() {}

    /** Proof that a uid was stashed. */
    static final class Token {
        private Token() {}

        /** The stashed uid, cleared. */
        String take() {
            String u = PENDING.get();
            PENDING.remove();
            return u;
        }
    }

    static Token stash(String uid) {
        if (uid == null) {
            throw new IllegalArgumentException("uid must not be null");
        }
        PENDING.set(uid);
        return new Token();
    }

    static String pending() {
        String u = PENDING.get();
        if (u == null) {
            throw new IllegalStateException("no uid pending: a stage's uid was asked for outside its construction");
        }
        return u;
    }
}
