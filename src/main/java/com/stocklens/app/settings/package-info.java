/**
 * What the person configured: the launch options and where the workspace lives, live connection settings
 * from the environment, the policy figures and the small preferences of {@code settings.properties}.
 */
package com.stocklens.app.settings;
