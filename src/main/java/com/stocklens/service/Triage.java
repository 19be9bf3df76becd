package com.stocklens.service;

/**
 * Ranks the red flags into the triage list ({@link TriageList}). Blocking I/O (it reads the stock board and
 * the demand): never on the FX thread.
 */
public interface Triage {
    /** The red flags of now, ranked. */
    TriageList now();

    /** {@code flags}, already read (now, or a past moment: {@link FlagBoard#asOf()}), ranked as of its moment. */
    TriageList rank(FlagBoard flags);
}
