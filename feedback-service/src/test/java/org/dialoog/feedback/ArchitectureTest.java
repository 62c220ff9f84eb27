package org.dialoog.feedback;

import org.dialoog.testkit.Layers;
import org.junit.jupiter.api.Test;

/** Arrows point down only (rest and messaging → service → store → events → the root); plain JUnit over the compiled classes. */
class ArchitectureTest {

    private static final Layers LAYERS = Layers.of("org.dialoog.feedback");

    @Test
    void eachLayerIsUsedOnlyFromAbove() {
        LAYERS.checkArrowsPointDown();
    }

    @Test
    void entitiesAndValuesAtTheRootUseNothingAbove() {
        LAYERS.checkRootUsesNothingAbove();
    }
}
