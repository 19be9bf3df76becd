/**
 * The red flags: the engine that judges the rules after every sync and carries out the flag actions, and
 * the reader that answers for a past moment with the board of then.
 */
package com.stocklens.app.flags;
