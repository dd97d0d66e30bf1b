package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Both jars as built — the module's plain jar and the runnable one shade makes from it and the
 * dependencies (its manifest passes through shade's manifest transformer) — name their module in the
 * manifest, and Java takes that name on the module path; the runnable jar keeps its Main-Class.
 */
class AutomaticModuleNameIT {
    private static final String MODULE = "com.bevatel.simulator.standalone";

    @Test
    void thePlainJarIsTheAutomaticModuleComBevatelSimulatorStandalone() throws Exception {
        assertNamesItsModule(Path.of(System.getProperty("plain.jar")));
    }

    @Test
    void theRunnableJarIsTheSameModuleAndStillRuns() throws Exception {
        Path jar = Path.of(System.getProperty("simulator.jar", "target/bevatel-simulator.jar"));
        Attributes manifest = assertNamesItsModule(jar);
        assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(Main.class.getName());
    }

    private static Attributes assertNamesItsModule(Path jar) throws Exception {
        Attributes manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest().getMainAttributes();
        }
        assertThat(manifest.getValue("Automatic-Module-Name")).as(jar.toString()).isEqualTo(MODULE);
        ModuleDescriptor module = ModuleFinder.of(jar).findAll().stream().map(ModuleReference::descriptor)
                .findFirst().orElseThrow();
        assertThat(module.name()).isEqualTo(MODULE);
        assertThat(module.isAutomatic()).isTrue();
        return manifest;
    }
}
