package dev.switchboard.adapter.peerjs;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The PeerJS adapter is a thin translation onto the driving ports: no domain, no store, no other adapter. */
class PeerJsArchitectureTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.adapter.peerjs");

    @Test
    void dependsOnlyOnThePortsAndTheNettyPlumbingAmongSwitchboardsModules() {
        classes().that().resideInAPackage("dev.switchboard.adapter.peerjs..")
                .should().onlyDependOnClassesThat(not(resideInAPackage("dev.switchboard..")
                        .and(not(resideInAnyPackage("dev.switchboard.ports..", "dev.switchboard.transport.netty..",
                                "dev.switchboard.adapter.peerjs..")))))
                .check(ADAPTER);
    }

    @Test
    void callsNoDrivenPort() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.switchboard.ports.driven..").check(ADAPTER);
    }

    @Test
    void keepsEverythingButItsEntryAndSettingsPackagePrivate() {
        classes().that().arePublic().and().areTopLevelClasses().should()
                .haveSimpleName("PeerJsServer").orShould().haveSimpleName("PeerJsSettings").check(ADAPTER);
    }
}
