/**
 * Small helpers every layer may use, depending on {@code java.*} only: named daemon threads.
 */
package com.stocklens.support;
