package com.stocklens;
public final class Launcher { public static void main(String[] a) { } }
