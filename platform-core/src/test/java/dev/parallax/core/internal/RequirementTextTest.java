package dev.parallax.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The filters below are the exact shapes bnd writes into Require-Capability and Import-Package requirements. */
class RequirementTextTest {
    @Test
    void abiRequirement_readsAsRange() {
        RequirementText text =
                RequirementText.parse("parallax.abi", "(&(parallax.abi=parallax)(version>=2.0.0)(!(version>=3.0.0)))");
        assertEquals("Parallax ABI [2.0.0,3.0.0)", text.describe());
        assertEquals("(parallax.abi=parallax)", text.anyVersionFilter());
    }

    @Test
    void packageImport_readsAsPackageAndRange() {
        RequirementText text = RequirementText.parse(
                "osgi.wiring.package", "(&(osgi.wiring.package=org.example.api)(version>=1.2.0)(!(version>=2.0.0)))");
        assertEquals("package org.example.api [1.2.0,2.0.0)", text.describe());
        assertEquals("(osgi.wiring.package=org.example.api)", text.anyVersionFilter());
    }

    @Test
    void floorOnly_readsAsOpenRange() {
        assertEquals(
                "package a.b [1.0.0,∞)",
                RequirementText.parse("osgi.wiring.package", "(&(osgi.wiring.package=a.b)(version>=1.0.0))")
                        .describe());
    }

    @Test
    void exactVersion_readsAsThatVersion() {
        assertEquals(
                "execution environment JavaSE 25",
                RequirementText.parse("osgi.ee", "(&(osgi.ee=JavaSE)(version=25))")
                        .describe());
    }

    @Test
    void unknownShape_keepsTheRawFilter() {
        RequirementText text = RequirementText.parse("org.example.ns", "(|(a=1)(b=2))");
        assertEquals("capability org.example.ns matching (|(a=1)(b=2))", text.describe());
        assertEquals("(org.example.ns=*)", text.anyVersionFilter());
    }
}
