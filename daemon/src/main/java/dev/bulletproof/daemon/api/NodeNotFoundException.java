package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.BulletproofException;

/** No node of the cluster has the given id. */
public class NodeNotFoundException extends BulletproofException {

    public NodeNotFoundException(String nodeId) {
        super("no node with id '" + QueryParams.shown(nodeId) + "' in this cluster");
    }
}
