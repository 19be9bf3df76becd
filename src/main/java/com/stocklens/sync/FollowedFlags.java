package com.stocklens.sync;

import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagsChanged;

/**
 * What {@link SharedFollower} needs of the red-flag evaluation: its changes, to tell the other desks, and
 * a way to hand on the changes the other desks made. Implemented by the application's flag engine.
 */
public interface FollowedFlags extends FlagEvents {
    /**
     * Team mode: a change another desk made (an evaluation, a declaration, an acknowledgement), read
     * from the shared database, goes to the subscribers (with {@link FlagsChanged#followed()} set).
     */
    void publishFollowed(FlagsChanged changed);
}
