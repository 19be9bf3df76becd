/**
 * Small helpers every layer may use, depending on {@code java.*} only: named daemon threads, private files, plain reasons for failed file operations.
 */
package com.stocklens.support;
