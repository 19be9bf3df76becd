/**
 * Read models that judge stored facts by the rules: FIFO ageing, the inventory health report, the
 * warehouse scorecards and the three-code check.
 */
package com.stocklens.app.reports;
