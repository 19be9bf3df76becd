package com.stocklens.service;

/** Why a person should look now. */
public enum NoticeKind {
    /** A new calibration task: the 2-hour countdown started. */
    CALIBRATION_OPENED,
    /** 30 minutes left on an open calibration task. */
    CALIBRATION_DUE_30,
    /** 10 minutes left on an open calibration task. */
    CALIBRATION_DUE_10,
    /** A new red flag (oversell risk, stale source …). */
    ALERT_RAISED,
    /** A team push (WeCom, DingTalk, Feishu) failed; the app keeps working. */
    PUSH_FAILED
}
