package com.stocklens.domain;

/** Where an alert stands for the team. */
public enum AlertState {
    ACTIVE,
    ACKNOWLEDGED,
    SNOOZED,
    /** The condition no longer holds. */
    CLEARED
}
