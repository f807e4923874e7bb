package dev.bulletproof.daemon.db;

/**
 * An empty database made for one contract test, in the dialect its test class runs on. A store contract
 * (the abstract {@code *Contract} test classes) gets one for each test from its dialect's subclass, so a
 * new dialect joins every contract by adding one subclass per contract that returns its own kind.
 */
public interface DatabaseFixture {

    /**
     * Opens the database with the daemon's migrations applied. Each call opens new connections to the
     * same data, as a second process or a restarted daemon would; the caller closes what it opened.
     */
    SqlDatabase open();
}
