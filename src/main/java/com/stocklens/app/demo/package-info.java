/**
 * Demo mode: the embedded sandbox of a simulated shop, the connections to it, the demo seller's warehouse
 * profiles and the stock sheet its CSV-only warehouse sends.
 */
package com.stocklens.app.demo;
