package org.wuyi.identity;

/** The account-side consequences of changes elsewhere, called by the modules that make them. */
public interface AccountChanges {

    /**
     * A person no longer leads a grid (replaced or handed over): their grid-leader accounts are disabled, their
     * sessions ended, and the change audited, unless they still lead another grid. Runs in the caller's transaction.
     */
    void leadershipEnded(long personId);
}
