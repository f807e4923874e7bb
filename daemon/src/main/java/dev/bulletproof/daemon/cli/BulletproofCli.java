package dev.bulletproof.daemon.cli;

public class BulletproofCli {
    public static void main(String[] a) {}
}
