package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.BulletproofException;

/** A change only the node itself can make was asked of another node's API. */
public class NodeElsewhereException extends BulletproofException {

    public NodeElsewhereException(String nodeName, String what) {
        super(what + " node " + nodeName + " from its own dashboard or API; this daemon is another node");
    }
}
