/**
 * What the runtime gives an element, for driving one by hand in a unit test: memory, checked properties, a context
 * and an output that records. Shared by platform-core's tests and, as platform-core's test jar, by the plugins'.
 */
package dev.parallax.core.testkit;
