/** The launcher's command line, Gogo commands and configuration folder: never exported. */
package dev.parallax.launcher.internal;
