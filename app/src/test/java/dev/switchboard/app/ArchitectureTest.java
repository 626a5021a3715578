package dev.switchboard.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.switchboard.adapter.peerjs.PeerJsServer;
import dev.switchboard.adapter.peerjs.PeerJsSettings;
import dev.switchboard.adapter.postgres.PoolStatistics;
import dev.switchboard.adapter.postgres.PostgresSettings;
import dev.switchboard.adapter.postgres.PostgresStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule across every module's production classes. Maven already makes an adapter that
 * imports another adapter fail to compile; these rules guard what Maven cannot see. Plain JUnit tests
 * rather than {@code @ArchTest} fields, which Surefire 3.5.3 silently skips (TNG/ArchUnit#1442).
 */
class ArchitectureTest {
    private static final String PORTS = "dev.switchboard.ports..";
    private static final String DOMAIN = "dev.switchboard.domain..";
    private static final String ADAPTERS = "dev.switchboard.adapter..";
    private static final String APP = "dev.switchboard.app..";
    private static final String POSTGRES = "dev.switchboard.adapter.postgres..";
    private static final String PEERJS = "dev.switchboard.adapter.peerjs..";
    private static final String TRANSPORT = "dev.switchboard.transport..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ProductionClassesOnly())
                .importPackages("dev.switchboard");
    }

    @Test
    void portsDependOnNothingButTheJdk() {
        classes().that().resideInAPackage(PORTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", PORTS)
                .because("the contract must be embeddable anywhere")
                .check(production);
    }

    @Test
    void domainDependsOnlyOnTheJdkAndThePorts() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", PORTS, DOMAIN)
                .because("the rules must not know the technologies around them")
                .check(production);
    }

    @Test
    void domainUsesNoFrameworkOrInfrastructure() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml..", "io.netty..", "io.undertow..", "org.jooq..", "com.google.inject..",
                        "javax.inject..", "jakarta.inject..", "java.sql..", "org.slf4j..")
                .check(production);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        slices().matching("dev.switchboard.adapter.(*)..")
                .should().notDependOnEachOther()
                .check(production);
    }

    @Test
    void adaptersTalkToTheCoreOnlyThroughPorts() {
        noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, APP)
                .check(production);
    }

    @Test
    void httpAdapterNeverReachesIntoStores() {
        noClasses().that().resideInAPackage("dev.switchboard.adapter.http..")
                .should().dependOnClassesThat().resideInAPackage("dev.switchboard.ports.driven..")
                .because("a transport calls use cases (driving ports); only the core calls stores")
                .check(production);
    }

    @Test
    void peerJsAdapterNeverReachesIntoStores() {
        noClasses().that().resideInAPackage(PEERJS)
                .should().dependOnClassesThat().resideInAPackage("dev.switchboard.ports.driven..")
                .because("the PeerJS protocol is a thin translation onto the driving ports, not a second engine "
                        + "with stores of its own")
                .check(production);
    }

    @Test
    void peerJsAdapterDependsOnlyOnThePortsAndItsLibraries() {
        classes().that().resideInAPackage(PEERJS)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.net.ssl..", PORTS, PEERJS, TRANSPORT, "io.netty..",
                        "com.fasterxml.jackson..", "org.slf4j..")
                .because("a transport knows the driving ports and its own technology (TLS among it), nothing else")
                .check(production);
    }

    @Test
    void transportSupportKnowsOnlyNettyAndTheJdk() {
        classes().that().resideInAPackage(TRANSPORT)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.netty..", TRANSPORT)
                .because("what the Netty adapters share is plumbing: it knows no port, no adapter, no rule")
                .check(production);
    }

    @Test
    void appUsesThePeerJsAdapterOnlyThroughItsEntryAndSettings() {
        noClasses().that().resideInAPackage(APP)
                .should().dependOnClassesThat(resideInAPackage(PEERJS)
                        .and(not(belongToAnyOf(PeerJsServer.class, PeerJsSettings.class))))
                .because("the sockets, frames and routes are the adapter's business")
                .check(production);
    }

    @Test
    void storesNeverCallUseCases() {
        noClasses().that().resideInAnyPackage("dev.switchboard.adapter.memory..", "dev.switchboard.adapter.postgres..")
                .should().dependOnClassesThat().resideInAPackage("dev.switchboard.ports.driving..")
                .because("the core calls stores, never the other way round")
                .check(production);
    }

    @Test
    void postgresAdapterDependsOnlyOnThePortsAndItsLibraries() {
        classes().that().resideInAPackage(POSTGRES)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.sql..", PORTS, POSTGRES,
                        "org.jooq..", "org.flywaydb..", "org.postgresql..", "com.zaxxer.hikari..", "org.slf4j..")
                .because("a store implements the driven ports with its own technology, and knows nothing else")
                .check(production);
    }

    @Test
    void appUsesThePostgresAdapterOnlyThroughItsEntrySettingsAndPoolStatistics() {
        noClasses().that().resideInAPackage(APP)
                .should().dependOnClassesThat(resideInAPackage(POSTGRES)
                        .and(not(belongToAnyOf(PostgresStorage.class, PostgresSettings.class, PoolStatistics.class))))
                .because("the pool, the stores and the jOOQ schema are the adapter's business")
                .check(production);
    }

    @Test
    void appUsesOnlyTheDomainsRootPackage() {
        noClasses().that().resideInAPackage(APP)
                .should().dependOnClassesThat().resideInAPackage("dev.switchboard.domain.*..")
                .because("SignalingCore is the domain's one entry; its sub-packages are implementation")
                .check(production);
    }

    @Test
    void guiceLivesOnlyInTheApp() {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.google.inject..", "javax.inject..", "jakarta.inject..")
                .because("anyone can embed the library without Guice")
                .check(production);
    }

    @Test
    void namesSayWhatThingsAre() {
        noClasses()
                .should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Dto")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Helper")
                .check(production);
    }

    @Test
    void seesTheClassesOfEveryModule() {
        // Guards the rules above against passing vacuously on a classpath that lost a module.
        assertThat(production.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("dev.switchboard.ports"))
                .anyMatch(p -> p.startsWith("dev.switchboard.domain.offers"))
                .anyMatch(p -> p.startsWith("dev.switchboard.adapter.memory"))
                .anyMatch(p -> p.startsWith("dev.switchboard.adapter.http"))
                .anyMatch(p -> p.startsWith("dev.switchboard.adapter.peerjs"))
                .anyMatch(p -> p.startsWith("dev.switchboard.domain.peerjs"))
                .anyMatch(p -> p.startsWith("dev.switchboard.adapter.postgres.schema"))
                .anyMatch(p -> p.startsWith("dev.switchboard.app"))
                .noneMatch(p -> p.startsWith("dev.switchboard.ports.testing"));
    }

    /** Main classes of every module: not test classes, and not the ports' published test-jar. */
    static final class ProductionClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }
}
