package com.stocklens.ui;

/**
 * The steps of a window start the start-up view names, in order, each with its text key and the share of
 * the way done when it begins. After {@link #WINDOW} the window itself shows the rest: the cached board
 * first, then each source's first sync on its chip.
 */
public enum StartupStep {
    STARTING("startup.step.starting", 0.05),
    WORKSPACE("startup.step.workspace", 0.15),
    SOURCES("startup.step.sources", 0.45),
    SERVICES("startup.step.services", 0.65),
    WINDOW("startup.step.window", 0.85);

    private final String key;
    private final double progress;

    StartupStep(String key, double progress) {
        this.key = key;
        this.progress = progress;
    }

    public String key() {
        return key;
    }

    public double progress() {
        return progress;
    }
}
