/** The runtime's implementation: never exported. */
package dev.parallax.core.internal;
