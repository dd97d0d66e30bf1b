package com.bevatel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar as built names its module in its manifest, and Java takes that name when the jar is on the
 * module path (rather than one guessed from the file name, which changes with the version).
 */
class AutomaticModuleNameIT {
    private static final String MODULE = "com.bevatel.simulator";

    @Test
    void theJarIsTheAutomaticModuleComBevatelSimulator() throws Exception {
        Path jar = Path.of(System.getProperty("built.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(MODULE);
        }
        ModuleDescriptor module = ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor)
                .findFirst().orElseThrow();
        assertThat(module.name()).isEqualTo(MODULE);
        assertThat(module.isAutomatic()).isTrue();
        assertThat(module.packages()).contains(MODULE, MODULE + ".webhook");
    }
}
